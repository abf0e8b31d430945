package cn.beian.bench;

import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access policy (issue 5): {@code GET /api/v1/access-policy?host=…} as the edge gateway calls it - bearer token
 * verified, host normalised, answered from memory - next to the bare Quarkus GET of the same service, same run.
 * The hosts rotate over 1 000 names (subdomains of filed and unknown domains), so each lookup walks several parents.
 */
class AccessPolicyBenchmark {

    private static final int[] CONCURRENCY = java.util.Arrays.stream(
            System.getProperty("bench.concurrency", "1,8,16,32,64").split(",")).mapToInt(Integer::parseInt).toArray();
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(15);

    @Test
    void accessPolicyNextToABareGet() throws Exception {
        String token = Keycloak.clientToken("edge-gateway", "edge-gateway-local-secret");
        String[] hosts = new String[1000];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = (i % 3 == 0 ? "www." : i % 3 == 1 ? "a.b.shop." : "") + "bench-" + (i % 250) + ".com.cn";
        }
        BenchReport report = new BenchReport("access-policy", "website-service: the access policy next to a bare GET")
                .note("Load from AsyncLoad: one Vert.x event loop, c keep-alive connections.")
                .note("Closed loop: each of c workers sends its next request when the previous answered; the load "
                        + "generator, Kafka, PostgreSQL, Keycloak and the other services share the machine's cores.")
                .note("Warm-up " + WARM_UP.toSeconds() + " s, then " + MEASURED.toSeconds() + " s measured per run.")
                .note("`access policy`: GET /api/v1/access-policy?host=… with the edge-gateway client's bearer token "
                        + "(JWT verified locally each request), host normalised, answered from memory.")
                .note("`baseline GET`: GET /api/v1/baseline on website-service, a constant answer, no auth; "
                        + "`baseline GET + token`: the same with the edge gateway's Authorization header (not "
                        + "verified), to show what parsing the 1.2 kB header costs.")
                .note("Service JVM as bin/services starts it: " + System.getenv().getOrDefault(
                        "BEIAN_SERVICE_JAVA_OPTS", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        for (int c : CONCURRENCY) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            report.add(AsyncLoad.run("baseline GET", c, WARM_UP, MEASURED,
                    i -> AsyncLoad.Request.get(Stack.WEBSITE + "/api/v1/baseline", Map.of()), status -> status == 200));
            report.add(AsyncLoad.run("baseline GET + token", c, WARM_UP, MEASURED,
                    i -> AsyncLoad.Request.get(Stack.WEBSITE + "/api/v1/baseline", auth), status -> status == 200));
            report.add(AsyncLoad.run("access policy", c, WARM_UP, MEASURED,
                    i -> AsyncLoad.Request.get(Stack.WEBSITE + "/api/v1/access-policy?host="
                            + hosts[(i & 0x7fffffff) % hosts.length], auth),
                    status -> status == 200));
        }
        report.write();
    }
}
