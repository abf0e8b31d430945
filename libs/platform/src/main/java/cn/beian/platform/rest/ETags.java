package cn.beian.platform.rest;

import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;

/** Entity tags from a resource's version, and the {@code If-Match} check every update makes. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks {@code If-Match} against the current version: 428 where it is missing, 412 where it is stale.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send the ETag you read as If-Match");
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(expected) || tag.equals("*")) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since you read it (current version " + currentVersion + ")")
                .with("currentETag", expected);
    }
}
