package cn.beian.rules;

/**
 * A catalogue row that is not a rule, material or checklist item of this module, and why
 * ({@code rules/elsewhere/*.yaml}): enforced by a service's own mechanism (the access policy keeps unfiled sites closed,
 * the order timers), or a summary of other rows, or not implementable, with the reason.
 *
 * @param id     the catalogue id
 * @param where  what enforces it instead ({@code website-service access policy}), or {@code none}
 * @param reason why, in a sentence
 */
public record Elsewhere(String id, String where, String reason) {
}
