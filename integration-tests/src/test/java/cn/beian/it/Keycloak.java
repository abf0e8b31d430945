package cn.beian.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real tokens from the stack's Keycloak, and fresh accounts made through its admin API. */
public final class Keycloak {

    private Keycloak() {
    }

    /** A token for a realm user, through the front-end client's password grant (enabled locally only). */
    public static String token(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "beian-web")
                .formParam("username", username).formParam("password", password)
                .post(Stack.KEYCLOAK + "/realms/" + Stack.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A machine client's token through the client-credentials grant. */
    public static String clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(Stack.KEYCLOAK + "/realms/" + Stack.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Creates a new applicant account (so a test never collides with earlier runs) and returns its token. */
    public static String newApplicant() {
        String[] user = newUser("it", "applicant");
        return token(user[0], user[1]);
    }

    /**
     * Creates a user with a fresh name ({@code prefix-xxxxxxxx}) and password through Keycloak's admin API and grants it
     * {@code role}; answers {username, password}.
     */
    public static String[] newUser(String prefix, String role) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", System.getenv().getOrDefault("BEIAN_KEYCLOAK_ADMIN", "admin"))
                .formParam("password", System.getenv().getOrDefault("BEIAN_KEYCLOAK_ADMIN_PASSWORD", "admin-local"))
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String users = Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM + "/users";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "email", username + "@beian.local",
                        "emailVerified", true, "firstName", prefix.toUpperCase(), "lastName", username,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(users).then().statusCode(201);
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(users).then().statusCode(200).extract().path("[0].id");
        Map<?, ?> realmRole = given().auth().oauth2(admin)
                .get(Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM + "/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(users + "/" + id + "/role-mappings/realm").then().statusCode(204);
        return new String[] {username, password};
    }

    /** The account id (the token's {@code sub}) of a token. */
    public static String accountOf(String token) {
        String payload = token.split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("token without sub");
        }
        return m.group(1);
    }
}
