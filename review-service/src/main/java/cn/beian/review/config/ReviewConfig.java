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
     * unanswered item. On: otherwise a reviewer could leave an item unanswered instead of failing it, and so approve
     * without the second reviewer a failed item calls for. Off only for a client that cannot answer items yet; an
     * approval then names the unanswered items in its audit line.
     */
    @WithDefault("true")
    boolean requireChecklist();
}
