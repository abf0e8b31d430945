package cn.beian.chaos;

import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import java.util.Map;
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
        String[] user = Keycloak.newUser(prefix, "applicant");
        passwords.put(user[0], user[1]);
        return user[0];
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
}
