package cn.beian.materials.domain;

import java.util.List;

/**
 * One material an order needs.
 *
 * @param stage     SUBMISSION (needed before the order can be submitted) or PHOTO (after initial review passed)
 * @param blocking  false for a document that only a reviewer can tell is needed (the {@code condition} says when)
 * @param reason    why it is asked for, in words a front-end can show
 * @param rules     the docs/domain.md sections and docs/province-rules.md ids behind it
 * @param condition where not blocking: when the document is needed
 */
public record Requirement(MaterialKind kind, String ownerRef, Stage stage, boolean blocking, String reason,
        List<String> rules, String condition) {

    public enum Stage {
        SUBMISSION,
        PHOTO
    }

    static Requirement needed(MaterialKind kind, String ownerRef, String reason, String... rules) {
        return new Requirement(kind, ownerRef, Stage.SUBMISSION, true, reason, List.of(rules), null);
    }

    static Requirement photo(String ownerRef, String reason, String... rules) {
        return new Requirement(MaterialKind.CURTAIN_PHOTO, ownerRef, Stage.PHOTO, true, reason, List.of(rules), null);
    }

    static Requirement ifApplies(MaterialKind kind, String ownerRef, String condition, String reason,
            String... rules) {
        return new Requirement(kind, ownerRef, Stage.SUBMISSION, false, reason, List.of(rules), condition);
    }

    /** Whether a stored material of {@code kind} for {@code owner} satisfies this requirement. */
    public boolean satisfiedBy(MaterialKind kind, String owner) {
        if (!ownerRef.equals(owner)) {
            return false;
        }
        return this.kind == kind
                || (kind == MaterialKind.ID_BOTH_SIDES && (this.kind == MaterialKind.ID_FRONT
                        || this.kind == MaterialKind.ID_BACK));
    }
}
