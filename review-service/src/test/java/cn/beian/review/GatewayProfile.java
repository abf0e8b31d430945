package cn.beian.review;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The gateway follows the (mocked) administration's feed. */
public class GatewayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beian.authority.feed-enabled", "true");
    }
}
