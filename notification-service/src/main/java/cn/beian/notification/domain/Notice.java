package cn.beian.notification.domain;

import java.util.Map;
import java.util.Set;

/**
 * What an event means to people: one message kind (a template per channel and language), its parameters and
 * who receives it.
 *
 * @param kind      template name, e.g. {@code review.initial-rejected}
 * @param urgent    urgent SMS ignore quiet hours (state changes, review outcomes, SMS-code prompts)
 * @param websiteId where set, only that website's principal of the {@link Audience#WEBSITE_PRINCIPAL}s
 */
public record Notice(String kind, boolean urgent, Map<String, Object> params, Set<Audience> audience,
        String websiteId) {

    public Notice(String kind, boolean urgent, Map<String, Object> params, Set<Audience> audience) {
        this(kind, urgent, params, audience, null);
    }
}
