package cn.beian.notification.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What an event means to people: one message kind (a template per channel and language), its parameters and
 * who receives it.
 *
 * @param kind      template name, e.g. {@code review.initial-rejected}
 * @param urgent    urgent SMS ignore quiet hours (state changes, review outcomes, SMS-code prompts)
 * @param websiteId where set, only that website's principal of the {@link Audience#WEBSITE_PRINCIPAL}s
 * @param channels  the channels it goes by (both, but for a notice that an SMS cannot carry: a mobile that no longer
 *                  receives SMS is told by e-mail only); a kind has a template for each of its channels
 */
public record Notice(String kind, boolean urgent, Map<String, Object> params, Set<Audience> audience,
        String websiteId, Set<Channel> channels) {

    public Notice(String kind, boolean urgent, Map<String, Object> params, Set<Audience> audience) {
        this(kind, urgent, params, audience, null);
    }

    public Notice(String kind, boolean urgent, Map<String, Object> params, Set<Audience> audience,
            String websiteId) {
        this(kind, urgent, params, audience, websiteId, EnumSet.allOf(Channel.class));
    }
}
