package cn.beian.subject;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Mobiles must be confirmed, as in production (the test profile's default leaves them unchecked; MobileConfirmationsTest turns it on). */
public class MobileConfirmationRequired implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beian.mobile-confirmation.required", "true");
    }
}
