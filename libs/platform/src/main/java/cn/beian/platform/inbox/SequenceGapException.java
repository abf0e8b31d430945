package cn.beian.platform.inbox;

/** An event arrived before an earlier one of its aggregate: retried for a while, then dead-lettered. */
public class SequenceGapException extends RuntimeException {

    public SequenceGapException(String source, String aggregateId, long expected, long actual) {
        super("sequence gap for " + aggregateId + " from " + source + ": expected #" + expected + ", got #" + actual);
    }
}
