package cn.beian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the service under test verify bearer tokens signed by {@link TestTokens} instead of Keycloak's. */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
    }
}
