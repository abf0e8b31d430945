package cn.beian.platform.inbox;

import java.util.UUID;

/**
 * Ids carried by events. An event whose id is not one can never be applied, however often it is retried: it is a
 * {@link MalformedEventException} (straight to the dead-letter topic), not a failure to retry.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID orderId(String value) {
        return uuid(value, "order");
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an " + what + " id: " + value);
        }
    }
}
