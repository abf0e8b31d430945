package cn.beian.rules;

import cn.beian.rules.conditions.MaterialConditions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every material condition by the name {@code materials.yaml} uses (the classes of
 * {@code cn.beian.rules.conditions}, one per condition, with their parameters documented there).
 */
public final class Conditions {

    private static final Map<String, Condition> BY_NAME = MaterialConditions.all();

    private Conditions() {
    }

    public static Optional<Condition> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
