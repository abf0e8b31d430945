package cn.beian.chaos;

import cn.beian.it.Stack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real Keycloak tokens for the chaos run, kept and renewed before they lapse (the realm's tokens live 15 minutes; a
 * run lasts longer). Keycloak is not among the parts the run kills.
 */
final class Tokens {

    private static final long RENEW_AFTER_MS = 8 * 60_000;

    private record Held(String token, long at) {
    }

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** A user's token (password grant of the front-end client), renewed when old. */
    String of(String username, String password) {
        passwords.putIfAbsent(username, password);
        Held h = held.get(username);
        if (h != null && System.currentTimeMillis() - h.at < RENEW_AFTER_MS) {
            return h.token;
        }
        String t = fetch(Map.of("grant_type", "password", "client_id", "beian-web", "username", username,
                "password", password), Stack.REALM);
        held.put(username, new Held(t, System.currentTimeMillis()));
        return t;
    }

    String of(String username) {
        return of(username, passwords.get(username));
    }

    /** After a 401: forget the user's token so the next call fetches another. */
    void forget(String username) {
        held.remove(username);
    }

    String reviewer() {
        return of("rita", "rita-local");
    }

    String admin() {
        return of("ada", "ada-local");
    }

    /** A machine client's token (client-credentials grant), renewed when old. */
    String client(String clientId, String secret) {
        Held h = held.get("client:" + clientId);
        if (h != null && System.currentTimeMillis() - h.at < RENEW_AFTER_MS) {
            return h.token;
        }
        String t = fetch(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret),
                Stack.REALM);
        held.put("client:" + clientId, new Held(t, System.currentTimeMillis()));
        return t;
    }

    /** Creates an applicant account (fresh name) through Keycloak's admin API; answers its username. */
    String newApplicant(String prefix) {
        String admin = fetch(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", System.getenv().getOrDefault("BEIAN_KEYCLOAK_ADMIN", "admin"),
                "password", System.getenv().getOrDefault("BEIAN_KEYCLOAK_ADMIN_PASSWORD", "admin-local")), "master");
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String users = Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM + "/users";
        expect(Http.post(users).bearer(admin).json(Map.of("username", username, "enabled", true,
                "email", username + "@beian.local", "emailVerified", true, "firstName", "CHAOS", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))).send(),
                201, "create user");
        String id = expect(Http.get(users + "?exact=true&username=" + Http.enc(username)).bearer(admin).send(), 200,
                "find user").json().path(0).path("id").asText();
        Http.Resp role = expect(Http.get(Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM + "/roles/applicant")
                .bearer(admin).send(), 200, "role");
        expect(Http.post(users + "/" + id + "/role-mappings/realm").bearer(admin).json("[" + role.body() + "]").send(),
                204, "grant role");
        passwords.put(username, password);
        return username;
    }

    private static String fetch(Map<String, String> form, String realm) {
        for (int attempt = 1; ; attempt++) {
            Http.Resp r = Http.post(Stack.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token").form(form)
                    .send();
            if (r.ok()) {
                return r.json().path("access_token").asText();
            }
            if (attempt >= 10) {
                throw new IllegalStateException("no token from Keycloak: " + r);
            }
            Pause.ms(500L * attempt);
        }
    }

    private static Http.Resp expect(Http.Resp r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException("Keycloak " + what + ": " + r);
        }
        return r;
    }
}
