package cn.beian.rules;

import cn.beian.rules.checks.DomainChecks;
import cn.beian.rules.checks.IdentityChecks;
import cn.beian.rules.checks.UnitChecks;
import cn.beian.rules.checks.WebsiteChecks;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every check by the name rule data uses, gathered from the families in {@code checks/}. */
public final class Checks {

    private static final Checks STANDARD = new Checks(merge(IdentityChecks.all(), UnitChecks.all(), DomainChecks.all(),
            WebsiteChecks.all()));

    private final Map<String, Check> byName;

    Checks(Map<String, Check> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Checks standard() {
        return STANDARD;
    }

    public Optional<Check> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    @SafeVarargs
    private static Map<String, Check> merge(Map<String, Check>... families) {
        Map<String, Check> all = new HashMap<>();
        for (Map<String, Check> f : families) {
            f.forEach((name, check) -> {
                if (all.putIfAbsent(name, check) != null) {
                    throw new IllegalStateException("two checks named " + name);
                }
            });
        }
        return all;
    }
}
