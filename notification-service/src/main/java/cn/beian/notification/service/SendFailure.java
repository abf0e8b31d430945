package cn.beian.notification.service;

/** A provider refused a message; {@code permanent} ones (bad number, bad template) are not retried. */
public class SendFailure extends RuntimeException {

    private final boolean permanent;

    public SendFailure(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
