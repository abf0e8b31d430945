package cn.beian.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every material condition by the name {@code materials.yaml} uses. */
public final class Conditions {

    private static final Map<String, Condition> BY_NAME = Map.of(
            "ALWAYS", (params, order, facts, website) -> true);

    private Conditions() {
    }

    public static Optional<Condition> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
