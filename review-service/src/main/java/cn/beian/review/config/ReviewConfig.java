package cn.beian.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The queue's settings. */
@ConfigMapping(prefix = "beian.review")
public interface ReviewConfig {

    /** How long a claim holds a case before it lapses. */
    @WithDefault("15M")
    Duration lease();

    /**
     * Where reviewers reach materials-service (its base URL as their browser sees it): a case's materials are linked
     * there, where each read is checked and recorded.
     */
    @WithDefault("http://localhost:8103")
    String materialsUrl();

    /**
     * Whether an approval needs every checklist item answered: a 409 {@code CHECKLIST_INCOMPLETE} naming each
     * unanswered item. Off by default while the clients that approve today (the console's end-to-end story, the
     * integration journeys, the chaos run) do not answer the checklist first; meanwhile an approval names the
     * unanswered items in its audit line.
     */
    @WithDefault("false")
    boolean requireChecklist();
}
