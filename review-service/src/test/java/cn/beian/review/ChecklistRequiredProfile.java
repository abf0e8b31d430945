package cn.beian.review;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The strict reviewer tool: an approval needs every checklist item answered. */
public class ChecklistRequiredProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beian.review.require-checklist", "true");
    }
}
