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
 * @param fieldKey  where findings and reasons name it: the owner as a path in the order's documents, then the kind
 *                  ({@code websites[0].principal.CURTAIN_PHOTO}). A website is named by its position there, as in
 *                  every field key; {@code ownerRef} names it by id, because a stored file must stay with its
 *                  website when others are added, removed or reordered (docs/conventions.md → Field keys).
 */
public record Requirement(MaterialKind kind, String ownerRef, Stage stage, boolean blocking, String reason,
        List<String> rules, String condition, String fieldKey) {

    public enum Stage {
        SUBMISSION,
        PHOTO
    }

    static Requirement needed(MaterialKind kind, String ownerRef, String reason, String... rules) {
        return new Requirement(kind, ownerRef, Stage.SUBMISSION, true, reason, List.of(rules), null,
                ownerRef + "." + kind);
    }

    static Requirement photo(String ownerRef, String reason, String... rules) {
        return new Requirement(MaterialKind.CURTAIN_PHOTO, ownerRef, Stage.PHOTO, true, reason, List.of(rules), null,
                ownerRef + "." + MaterialKind.CURTAIN_PHOTO);
    }

    static Requirement ifApplies(MaterialKind kind, String ownerRef, String condition, String reason,
            String... rules) {
        return new Requirement(kind, ownerRef, Stage.SUBMISSION, false, reason, List.of(rules), condition,
                ownerRef + "." + kind);
    }

    /** This requirement named, in field keys, under {@code ownerPath} instead of its owner reference. */
    Requirement locatedAt(String ownerPath) {
        return new Requirement(kind, ownerRef, stage, blocking, reason, rules, condition, ownerPath + "." + kind);
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
