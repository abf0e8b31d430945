package cn.beian.contract.events;

/** What an event's aggregate id names. */
public enum AggregateType {
    ORDER("order"),
    SUBJECT("subject"),
    SERVER("server"),
    WEBSITE("website");

    private final String wireName;

    AggregateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
