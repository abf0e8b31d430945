package cn.beian.platform.inbox;

/** An event that can never be applied, whatever is retried: it goes straight to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
