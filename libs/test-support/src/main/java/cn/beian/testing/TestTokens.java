package cn.beian.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs bearer tokens shaped like Keycloak's ({@code sub}, {@code preferred_username}, {@code email},
 * {@code realm_access.roles}) with a key pair made when the tests start, so a service under test verifies
 * real tokens through quarkus-oidc and different callers can act in one test. Nothing is committed.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/beian";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** The public key in the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A token for account {@code subject} with these realm roles. */
    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("email", subject + "@beian.test")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresAt(Instant.now().plus(Duration.ofMinutes(10)))
                .jws().keyId("test")
                .sign(KEYS.getPrivate());
    }

    /** A token signed by a key the service does not trust. */
    public static String forgedToken(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresAt(Instant.now().plus(Duration.ofMinutes(10)))
                .sign(generate().getPrivate());
    }

    /** A REST Assured request authenticated as {@code subject}. */
    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().filter(OpenApiContract.filter()).auth().oauth2(token(subject, roles));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
