package cn.beian.platform.rest;

import cn.beian.platform.problem.ProblemException;
import java.util.UUID;

/** Path ids are opaque UUIDs: anything else names no resource, so it is a 404 like an unknown id. */
public final class Ids {

    private Ids() {
    }

    public static UUID parseOrNotFound(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what);
        }
    }
}
