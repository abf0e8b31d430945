package cn.beian.contract.events;

/** What an event's aggregate id names. */
public enum AggregateType {
    ORDER("order"),
    SUBJECT("subject"),
    SERVER("server"),
    WEBSITE("website"),
    /** An applicant's account (its Keycloak subject): facts about the person using Beian, not about an order. */
    ACCOUNT("account");

    private final String wireName;

    AggregateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
