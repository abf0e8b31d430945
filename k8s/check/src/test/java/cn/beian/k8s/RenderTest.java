package cn.beian.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.TopicCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every rendered overlay must hold for the services to run as the code expects. */
class RenderTest {

    /** Connections PostgreSQL keeps beyond the applications': superuser_reserved_connections and CNPG's own. */
    static final int RESERVED_CONNECTIONS = 20;

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasProbesResourcesAnHpaWithoutFixedReplicasAPdbAndANetworkPolicy(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> missing = new ArrayList<>();
        assertEquals(new TreeSet<>(Repo.SERVICES), new TreeSet<>(m.serviceDeployments().stream().map(Manifests::name).toList()));
        for (JsonNode d : m.ofKind("Deployment")) {
            String name = Manifests.name(d);
            JsonNode pod = d.at("/spec/template/spec");
            for (JsonNode c : pod.path("containers")) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (!c.path(probe).path("httpGet").path("path").asText().startsWith("/q/health")) {
                        missing.add(name + ": " + probe + " on /q/health/…");
                    }
                }
                for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                    if (c.at(r).isMissingNode()) {
                        missing.add(name + ": " + r);
                    }
                }
            }
            var hpa = m.hpaOf(name);
            if (hpa.isEmpty()) {
                missing.add(name + ": no HPA");
                continue;
            }
            int min = hpa.get().at("/spec/minReplicas").asInt(1);
            int max = hpa.get().at("/spec/maxReplicas").asInt(0);
            if (max < min) {
                missing.add(name + ": HPA " + min + ".." + max);
            }
            if (d.at("/spec/replicas").isNumber()) {
                missing.add(name + ": replicas " + d.at("/spec/replicas") + " beside its HPA (the HPA owns the count)");
            }
            JsonNode labels = d.at("/spec/template/metadata/labels");
            List<JsonNode> pdbs = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(p.at("/spec/selector"), labels)).toList();
            if (pdbs.size() != 1) {
                missing.add(name + ": " + pdbs.size() + " PodDisruptionBudgets select its pods");
            } else {
                JsonNode spec = pdbs.get(0).path("spec");
                boolean drainable = spec.has("maxUnavailable") && !spec.path("maxUnavailable").isNull()
                        ? spec.path("maxUnavailable").asInt() >= 1
                        : spec.path("minAvailable").asInt() < min;
                if (!drainable) {
                    missing.add(name + ": PDB " + spec + " blocks every drain at the HPA's minimum " + min);
                }
            }
            boolean admitted = m.ofKind("NetworkPolicy").stream()
                    .filter(np -> selects(np.at("/spec/podSelector"), labels))
                    .flatMap(np -> stream(np.at("/spec/ingress")))
                    .anyMatch(rule -> stream(rule.path("ports")).anyMatch(p -> p.path("port").asInt() == 8080)
                            && stream(rule.path("from")).anyMatch(f -> "ingress-nginx".equals(
                                    f.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())));
            if (!admitted) {
                missing.add(name + ": no NetworkPolicy selects its pods and admits the ingress controller on 8080");
            }
        }
        assertEquals(List.of(), missing, overlay + " (" + m.source + ")");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigKeyEachServiceReadsIsSet(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> unset = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> env = m.environment(service);
            Map<String, String> required = new ServiceConfig(service).requiredKeys();
            if (service.equals("materials-service")) {
                required.put("beian.materials.presign-endpoint", "presigned URLs must name a host browsers reach");
            }
            required.forEach((key, why) -> {
                if (!env.containsKey(ServiceConfig.env(key))) {
                    unset.add(service + ": " + ServiceConfig.env(key) + " (" + why + ")");
                }
            });
            assertEquals("false", env.get("BEIAN_CLOCK_ADJUSTABLE"), service + ": the clock must not be movable");
        }
        assertEquals(List.of(), unset, overlay + " (" + m.source + ")");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyHostTheServicesNameExists(String overlay) {
        Manifests m = Manifests.of(overlay);
        IngressRouter router = new IngressRouter(m);
        Set<String> services = new TreeSet<>(m.ofKind("Service").stream().map(Manifests::name).toList());
        // Services the operators create from the custom resources.
        m.ofKind("Cluster").forEach(c -> services.add(Manifests.name(c) + "-rw"));
        m.ofKind("Kafka").forEach(k -> services.add(Manifests.name(k) + "-kafka-bootstrap"));
        if (!m.ofKind("Tenant").isEmpty()) {
            services.add("minio");
        }
        List<String> wrong = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> env = m.environment(service);
            for (String key : List.of("BEIAN_DB_HOST", "BEIAN_KAFKA_BOOTSTRAP", "BEIAN_NATIONAL_URL", "BEIAN_S3_ENDPOINT",
                    "BEIAN_OIDC_URL", "BEIAN_MATERIALS_PRESIGN_ENDPOINT", "BEIAN_REVIEW_MATERIALS_URL")) {
                String value = env.get(key);
                if (value == null) {
                    continue;
                }
                String host = value.contains("://") ? URI.create(value).getHost() : value.split(":")[0];
                if (!host.contains(".") && !services.contains(host)) {
                    wrong.add(service + ": " + key + "=" + value + " names no Service of the render");
                }
            }
            if (env.containsKey("BEIAN_MATERIALS_PRESIGN_ENDPOINT")) {
                URI files = URI.create(env.get("BEIAN_MATERIALS_PRESIGN_ENDPOINT"));
                String bucket = env.getOrDefault("BEIAN_S3_BUCKET", "beian-materials");
                var match = router.route(files.getHost(), "/" + bucket + "/orders/x/y.jpg");
                if (match.isEmpty() || !match.get().route().service().equals("minio")) {
                    wrong.add(service + ": presigned URLs on " + files.getHost() + " reach "
                            + match.map(x -> x.route().service()).orElse("no Ingress route") + ", not MinIO");
                }
                if (!"https".equals(files.getScheme())) {
                    wrong.add(service + ": presigned URLs must be https: " + files);
                }
            }
            if (env.containsKey("BEIAN_REVIEW_MATERIALS_URL")) {
                URI links = URI.create(env.get("BEIAN_REVIEW_MATERIALS_URL"));
                String sample = IngressRouter.sample("/api/v1/orders/{o}/materials/{m}/content");
                var match = router.route(links.getHost(), sample);
                if (match.isEmpty() || !match.get().route().service().equals("materials-service")) {
                    wrong.add(service + ": reviewers' material links on " + links.getHost() + " reach "
                            + match.map(x -> x.route().service()).orElse("no Ingress route") + ", not materials-service");
                }
            }
        }
        m.ofKind("Service").stream().filter(s -> "ExternalName".equals(s.at("/spec/type").asText()))
                .forEach(s -> {
                    if (!s.at("/spec/externalName").asText().contains(".")) {
                        wrong.add("Service " + Manifests.name(s) + ": externalName must be a DNS name");
                    }
                });
        assertEquals(List.of(), wrong, overlay + " (" + m.source + ")");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicIsDeclaredAndNoConsumerGroupOutnumbersItsPartitions(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode kafka = m.ofKind("Kafka").get(0);
        assertFalse(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true),
                "topics are KafkaTopic resources: auto-creation stays off");
        Map<String, Integer> partitions = new HashMap<>();
        for (JsonNode t : m.ofKind("KafkaTopic")) {
            partitions.put(t.at("/spec/topicName").asText(), t.at("/spec/partitions").asInt(0));
            assertEquals(Manifests.name(kafka), t.at("/metadata/labels/strimzi.io~1cluster").asText(),
                    Manifests.name(t) + " belongs to the Kafka cluster");
        }
        List<String> wrong = new ArrayList<>();
        for (TopicCatalog.Topic t : TopicCatalog.all()) {
            if (!partitions.containsKey(t.name())) {
                wrong.add("topic " + t.name() + " is not declared");
            }
        }
        for (String service : Repo.SERVICES) {
            ServiceConfig config = new ServiceConfig(service);
            Map<String, String> env = m.environment(service);
            int maxPods = m.hpaOf(service).orElseThrow().at("/spec/maxReplicas").asInt();
            for (ServiceConfig.Incoming in : config.incoming()) {
                for (String topic : in.topics()) {
                    if (!partitions.containsKey(topic)) {
                        wrong.add(service + "/" + in.channel() + " reads undeclared " + topic);
                    }
                }
                if (in.deadLetterTopic() != null && !partitions.containsKey(in.deadLetterTopic())) {
                    wrong.add(service + "/" + in.channel() + " dead-letters to undeclared " + in.deadLetterTopic());
                }
                boolean perReplica = in.groupId() != null && in.groupId().contains("${quarkus.uuid}");
                if (perReplica) {
                    continue;
                }
                int consumers = config.consumersPerPod(in, env) * maxPods;
                for (String topic : in.topics()) {
                    if (consumers > partitions.getOrDefault(topic, 0)) {
                        wrong.add(service + "/" + in.channel() + ": " + config.consumersPerPod(in, env) + " consumers x "
                                + maxPods + " pods > " + partitions.get(topic) + " partitions of " + topic);
                    }
                }
            }
            config.outgoing().values().stream().filter(t -> !partitions.containsKey(t))
                    .forEach(t -> wrong.add(service + " writes to undeclared " + t));
        }
        assertEquals(List.of(), wrong, overlay + " (" + m.source + ")");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesAndKeycloakAtTheirMaximaFitPostgresMaxConnections(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode cluster = m.ofKind("Cluster").get(0);
        int maxConnections = Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText("100"));
        StringBuilder table = new StringBuilder("| service | max pods (HPA + surge) | reactive + JDBC per pod | connections |\n"
                + "| --- | --- | --- | --- |\n");
        int total = 0;
        for (String service : Repo.SERVICES) {
            ServiceConfig config = new ServiceConfig(service);
            Map<String, String> env = m.environment(service);
            assertTrue(env.containsKey("BEIAN_DB_POOL_SIZE"), service + " sets its pool (else 20 from the platform)");
            int reactive = Integer.parseInt(config.resolve("quarkus.datasource.reactive.max-size", env));
            int jdbc = Integer.parseInt(config.resolve("quarkus.datasource.jdbc.max-size", env));
            int maxPods = m.hpaOf(service).orElseThrow().at("/spec/maxReplicas").asInt();
            JsonNode surge = m.deployment(service).at("/spec/strategy/rollingUpdate/maxSurge");
            int surgePods = surge.isInt() ? surge.asInt() : (int) Math.ceil(maxPods
                    * Integer.parseInt(surge.asText("25%").replace("%", "")) / 100.0);
            int n = (maxPods + surgePods) * (reactive + jdbc);
            table.append("| ").append(service).append(" | ").append(maxPods).append(" + ").append(surgePods)
                    .append(" | ").append(reactive).append(" + ").append(jdbc).append(" | ").append(n).append(" |\n");
            total += n;
        }
        for (JsonNode kc : m.ofKind("Keycloak")) {
            int instances = kc.at("/spec/instances").asInt(1);
            assertTrue(kc.at("/spec/db/poolMaxSize").isInt(), "Keycloak " + Manifests.name(kc)
                    + " sets spec.db.poolMaxSize (its default is 100 per instance)");
            int pool = kc.at("/spec/db/poolMaxSize").asInt();
            int n = (instances + 1) * pool;
            table.append("| Keycloak ").append(Manifests.name(kc)).append(" | ").append(instances).append(" + 1 | ")
                    .append(pool).append(" | ").append(n).append(" |\n");
            total += n;
        }
        table.append("| reserved (superuser, CloudNativePG) | | | ").append(RESERVED_CONNECTIONS).append(" |\n");
        total += RESERVED_CONNECTIONS;
        table.append("| **total** / max_connections | | | **").append(total).append("** / ").append(maxConnections)
                .append(" |\n");
        System.out.println("Connection budget, overlay " + overlay + ":\n" + table);
        assertTrue(total <= maxConnections, overlay + ": " + total + " connections at the HPA maxima > max_connections "
                + maxConnections + "\n" + table);
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.path(expr.path("key").asText()).asText(null);
            List<String> values = stream(expr.path("values")).map(JsonNode::asText).toList();
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return selector.path("matchLabels").size() + selector.path("matchExpressions").size() > 0;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
