package cn.beian.rules;

import java.util.Map;

/**
 * When a material is required ({@link MaterialRow#when()}): a typed predicate over the order, e.g. "the website
 * principal is not the legal person" or "the certificate was issued in another province".
 */
@FunctionalInterface
public interface Condition {

    /**
     * Whether the condition holds for the order, or for one of its websites.
     *
     * @param website the website's index for an {@code EACH_WEBSITE} material, {@code null} for the subject's
     * @return {@code null} when it cannot be judged (a fact is missing)
     */
    Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website);
}
