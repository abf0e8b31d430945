package cn.beian.platform.rest;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/** Entity tags from a resource's version, and the {@code If-Match} check every update makes. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A tag that is not a counter, e.g. a fingerprint of what a view shows. */
    public static EntityTag of(String tag) {
        return new EntityTag(tag);
    }

    /**
     * Checks {@code If-Match} against the current version: 428 where it is missing, 412 where it is stale.
     * <p>
     * {@code If-Match: *} is refused with 428, like a missing header. RFC 9110 lets {@code *} match any current
     * representation, so it names no version and would turn the lost-update check off: a client that sends it has not
     * made the request conditional on what it read, which is exactly what 428 Precondition Required (RFC 6585 §3)
     * says — "send the ETag you read". It is not a 400: the header is well formed, just not the precondition an update
     * here needs; and not a 412: nothing has changed that a reload would fix.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requireMatch(ifMatch, Long.toString(currentVersion));
    }

    /** As {@link #requireMatch(String, long)}, for a tag that is not a counter. */
    public static void requireMatch(String ifMatch, String currentTag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send the ETag you read as If-Match");
        }
        String expected = "\"" + currentTag + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                        "If-Match: * names no version; send the ETag you read as If-Match",
                        List.of(new FieldViolation("If-Match", "IF_MATCH_WILDCARD",
                                "Send the ETag you read, not *")));
            }
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(expected)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since you read it (current ETag " + expected + ")")
                .with("currentETag", expected);
    }
}
