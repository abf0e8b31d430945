package cn.beian.platform.edge;

import static cn.beian.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge every service shares (libs/platform): bad input of each class is a problem document naming the field,
 * never a 5xx, and a refused write leaves nothing behind.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class EdgeHardeningTest {

    static final String PROBLEM = "application/problem+json";
    static final String THINGS = "/api/v1/things";

    @TestHTTPResource("/")
    URL root;

    static String thing(String name, String principalName, String domain) {
        return """
                {"name":"%s","principal":{"name":"%s","mobile":"13800000013"},
                 "websites":[{"name":"站点","domains":["example.cn"]},{"name":"站点二","domains":["%s"]}],
                 "count":7,"small":3}""".formatted(name, principalName, domain);
    }

    static long count(String account) throws Exception {
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from edge_thing where account_id = '" + account + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    static ValidatableResponse post(String account, byte[] body) {
        return as(account, "applicant").contentType("application/json").header("Accept-Language", "en").body(body)
                .post(THINGS).then();
    }

    static ValidatableResponse post(String account, String body) {
        return post(account, body.getBytes(StandardCharsets.UTF_8));
    }

    static void refusedAt(ValidatableResponse r, int status, String field, String code) {
        r.statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo(field)).body("errors[0].code", equalTo(code));
    }

    // 1. Accept-Language that cannot be parsed: negotiation falls back to zh-CN, the error stays what it is.

    @ParameterizedTest
    @ValueSource(strings = {"en;q=2", "*;q=garbage", ";;;", "en;q=0.5;q=0.7", "e\u00e9", "en-US,en;q=0.9,zh;q=x"})
    void aMalformedAcceptLanguageNeverFails(String language) {
        given().header("Accept-Language", language).get(THINGS).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("https://beian.example.cn/problems/unauthenticated"))
                .body("title", equalTo("未登录或令牌无效"));
        as("lang-" + UUID.randomUUID(), "applicant").header("Accept-Language", language).contentType("application/json")
                .body(thing("", "张三", "example.com")).post(THINGS).then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("请求参数不合法")).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aVeryLongAcceptLanguageFallsBackToChinese() {
        String language = "en-US," + "x-abcdefgh;q=0.1,".repeat(600);
        given().header("Accept-Language", language).get(THINGS).then().statusCode(401).contentType(PROBLEM)
                .body("title", equalTo("未登录或令牌无效"));
    }

    @Test
    void aWellFormedAcceptLanguageStillChoosesEnglish() {
        given().header("Accept-Language", "zh;q=0.5, en-GB;q=0.9").get(THINGS).then().statusCode(401)
                .contentType(PROBLEM).body("title", equalTo("Authentication is required"));
    }

    // 2. NUL and unpaired surrogates in bodies, paths and queries: 400 naming the field; nothing reaches PostgreSQL.

    @Test
    void longStringsReachTheResource() throws Exception {
        String account = "edge-long-" + UUID.randomUUID();
        post(account, thing("长".repeat(20_000), "张三", "example.com")).statusCode(201);
        post(account, thing("a".repeat(10_000), "张三", "example.com")).statusCode(201);
        assertEquals(2, count(account));
    }

    @Test
    void aNulInANestedStringIsRefusedByName() throws Exception {
        String account = "nul-" + UUID.randomUUID();
        refusedAt(post(account, thing("a", "张\\u0000三", "example.com")), 400, "principal.name", "INVALID_CHARACTER");
        refusedAt(post(account, thing("a", "张三", "exa\\u0000mple.com")), 400, "websites[1].domains[0]",
                "INVALID_CHARACTER");
        assertEquals(0, count(account));
    }

    @Test
    void anUnpairedSurrogateIsRefusedByName() throws Exception {
        String account = "sur-" + UUID.randomUUID();
        refusedAt(post(account, thing("\\ud800x", "张三", "example.com")), 400, "name", "INVALID_CHARACTER");
        refusedAt(post(account, thing("a", "张三", "\\udc00")), 400, "websites[1].domains[0]", "INVALID_CHARACTER");
        // A pair is a character: 😀 as escapes is fine.
        post(account, thing("\\ud83d\\ude00", "张三", "example.com")).statusCode(201);
        assertEquals(1, count(account));
    }

    @Test
    void aNulInAPathOrQueryParameterIsRefusedByName() {
        as("path-nul", "applicant").urlEncodingEnabled(false).get(THINGS + "/%00").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("thingId"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
        as("path-nul", "applicant").urlEncodingEnabled(false).get(THINGS + "/ab%00cd").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("thingId"));
        as("path-nul", "applicant").urlEncodingEnabled(false).get(THINGS + "/%C0%AE%C0%AE").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("thingId"));
        as("path-nul", "applicant").urlEncodingEnabled(false).get(THINGS + "?name=a%00b").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as("path-nul", "applicant").urlEncodingEnabled(false).get(THINGS + "?name=%ED%A0%80").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        // Without a token the answer is still 401.
        given().urlEncodingEnabled(false).get(THINGS + "/%00").then().statusCode(401).contentType(PROBLEM);
        as("path-nul", "applicant").urlEncodingEnabled(false).get(THINGS + "?name=%E5%BC%A0").then().statusCode(200)
                .body("count", equalTo(0));
    }

    // 3. Strict UTF-8.

    @Test
    void overlongAndSurrogateUtf8IsMalformed() throws Exception {
        String account = "utf8-" + UUID.randomUUID();
        byte[] overlong = withBytes(thing("X", "张三", "example.com"), "X",
                new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF});
        post(account, overlong).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://beian.example.cn/problems/malformed-request"));
        byte[] surrogate = withBytes(thing("X", "张三", "example.com"), "X",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        post(account, surrogate).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://beian.example.cn/problems/malformed-request"));
        byte[] truncated = withBytes(thing("X", "张三", "example.com"), "X", new byte[] {(byte) 0xE5, (byte) 0xBC});
        post(account, truncated).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://beian.example.cn/problems/malformed-request"));
        assertEquals(0, count(account));
    }

    // 4. Duplicate keys.

    @Test
    void aDuplicatedKeyIsRefusedByName() throws Exception {
        String account = "dup-" + UUID.randomUUID();
        refusedAt(post(account, "{\"name\":\"a\",\"name\":\"b\"}"), 400, "name", "DUPLICATE_FIELD");
        refusedAt(post(account, thing("a", "张三\",\"name\":\"李四", "example.com")), 400, "principal.name",
                "DUPLICATE_FIELD");
        assertEquals(0, count(account));
    }

    // 5. null in arrays, numbers out of range.

    @Test
    void nullInsideAnArrayIsRefusedByName() throws Exception {
        String account = "null-" + UUID.randomUUID();
        String body = thing("a", "张三", "example.com").replace("[\"example.cn\"]", "[\"example.cn\",null]");
        refusedAt(post(account, body), 400, "websites[0].domains[1]", "NOT_NULL");
        refusedAt(post(account, thing("a", "张三", "example.com").replace("\"websites\":[", "\"websites\":[null,")), 400,
                "websites[0]", "NOT_NULL");
        assertEquals(0, count(account));
    }

    @Test
    void numbersOutOfRangeAreRefusedByName() throws Exception {
        String account = "num-" + UUID.randomUUID();
        ValidatableResponse r = post(account, thing("a", "张三", "example.com").replace("\"count\":7",
                "\"count\":9223372036854775808"));
        refusedAt(r, 400, "count", "INVALID_VALUE");
        refusedAt(post(account, thing("a", "张三", "example.com").replace("\"small\":3", "\"small\":1e308")), 400,
                "small", "INVALID_VALUE");
        refusedAt(post(account, thing("a", "张三", "example.com").replace("\"small\":3", "\"small\":2147483648")), 400,
                "small", "INVALID_VALUE");
        assertEquals(0, count(account));
    }

    // 6. Bodies over the limit, also chunked.

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        String account = "big-" + UUID.randomUUID();
        byte[] big = ("{\"name\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(root.toURI().resolve(THINGS))
                .header("Content-Type", "application/json").header("Authorization", "Bearer "
                        + TestTokens.token(account, "applicant"))
                // An InputStream publisher has no length: the client sends Transfer-Encoding: chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("\"maxBytes\":65536"), response.body());
        // The same with a Content-Length.
        as(account, "applicant").contentType("application/json").body(big).post(THINGS).then().statusCode(413)
                .contentType(PROBLEM).body("maxBytes", equalTo(65536));
        assertEquals(0, count(account));
    }

    @Test
    void aChunkedBodyUnderTheLimitGoesThrough() throws Exception {
        String account = "chunk-" + UUID.randomUUID();
        byte[] body = thing("分块", "张三", "example.com").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(root.toURI().resolve(THINGS))
                .header("Content-Type", "application/json").header("Authorization", "Bearer "
                        + TestTokens.token(account, "applicant"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, count(account));
    }

    @Test
    void aClientOfferingHttp2StillHasItsBodyRead() throws Exception {
        String account = "h2-" + UUID.randomUUID();
        // The JDK client asks for an h2c upgrade on its first request without a body; the service stays on HTTP/1.1,
        // so the next POSTs on that connection still have their bodies read and checked.
        HttpClient client = HttpClient.newHttpClient();
        String token = "Bearer " + TestTokens.token(account, "applicant");
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(root.toURI().resolve(THINGS))
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, first.version());
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {HttpRequest.BodyPublishers.noBody(),
                HttpRequest.BodyPublishers.ofString(thing("升级", "张三", "example.com"))}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(root.toURI().resolve(THINGS))
                    .header("Content-Type", "application/json").header("Authorization", token).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertTrue(response.statusCode() == 201 || response.statusCode() == 400,
                    response.statusCode() + " " + response.body());
        }
        assertEquals(1, count(account));
    }

    // 7. If-Match: * names no version.

    @Test
    void ifMatchStarIsRefusedWhereAVersionIsNeeded() throws Exception {
        String account = "etag-" + UUID.randomUUID();
        String id = post(account, thing("原名", "张三", "example.com")).statusCode(201).extract().path("id");
        String update = thing("新名", "张三", "example.com");
        as(account, "applicant").contentType("application/json").header("If-Match", "*").body(update)
                .put(THINGS + "/" + id).then().statusCode(428).contentType(PROBLEM)
                .body("errors[0].field", equalTo("If-Match")).body("errors[0].code", equalTo("IF_MATCH_WILDCARD"));
        as(account, "applicant").contentType("application/json").header("If-Match", "\"1\", *").body(update)
                .put(THINGS + "/" + id).then().statusCode(428).contentType(PROBLEM);
        as(account, "applicant").contentType("application/json").body(update).put(THINGS + "/" + id).then()
                .statusCode(428).contentType(PROBLEM);
        as(account, "applicant").get(THINGS + "/" + id).then().statusCode(200).body("name", equalTo("原名"));
        as(account, "applicant").contentType("application/json").header("If-Match", "\"2\"").body(update)
                .put(THINGS + "/" + id).then().statusCode(412).contentType(PROBLEM);
        as(account, "applicant").contentType("application/json").header("If-Match", "\"1\"").body(update)
                .put(THINGS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        as(account, "applicant").get(THINGS + "/" + id).then().statusCode(200).body("name", equalTo("新名"));
    }

    // 8. Content types and multipart.

    @Test
    void aGarbageContentTypeIsA415Problem() throws Exception {
        String account = "ct-" + UUID.randomUUID();
        as(account, "applicant").contentType("garbage").body(bytes(thing("a", "张三", "example.com"))).post(THINGS).then()
                .statusCode(415).contentType(PROBLEM).body("errors[0].field", equalTo("Content-Type"));
        as(account, "applicant").contentType("text/plain").body(thing("a", "张三", "example.com")).post(THINGS).then()
                .statusCode(415).contentType(PROBLEM);
        as(account, "applicant").contentType("garbage").body(new byte[] {1, 2, 3}).post(THINGS + "/x/files").then()
                .statusCode(415).contentType(PROBLEM);
        assertEquals(0, count(account));
    }

    @Test
    void aTruncatedMultipartBodyIsA4xxProblem() {
        String boundary = "b0undary";
        String whole = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPHOTO\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n" + "x".repeat(2000) + "\r\n--" + boundary + "--\r\n";
        as("mp", "applicant").contentType("multipart/form-data; boundary=" + boundary).body(bytes(whole))
                .post(THINGS + "/x/files").then().statusCode(200).body("kind", equalTo("PHOTO"))
                .body("size", equalTo(2000));
        String truncated = whole.substring(0, whole.length() - 1200);
        ValidatableResponse r = as("mp", "applicant").contentType("multipart/form-data; boundary=" + boundary)
                .body(bytes(truncated)).post(THINGS + "/x/files").then();
        r.contentType(PROBLEM).statusCode(400);
        as("mp", "applicant").contentType("multipart/form-data").body(bytes(whole)).post(THINGS + "/x/files").then()
                .contentType(PROBLEM).statusCode(400);
    }

    // 9. Idempotency-Key bound to the request's fingerprint.

    @Test
    void aServicesOwnChecksCountTheBadFieldsInTheCallersLanguage() {
        String twice = thing("王五", "王五", "example.cn");
        as("checks", "applicant").contentType("application/json").header("Accept-Language", "en").body(twice)
                .post(THINGS + "/checks").then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("The request is invalid")).body("detail", equalTo("1 field(s) are invalid"))
                .body("errors[0].field", equalTo("websites[1].domains[0]"))
                .body("errors[0].code", equalTo("DOMAIN_DUPLICATED"))
                .body("errors[0].message", equalTo("example.cn appears more than once"))
                .body("errors[0].args", nullValue());
        as("checks", "applicant").contentType("application/json").body(twice).post(THINGS + "/checks").then()
                .statusCode(400).body("title", equalTo("请求参数不合法")).body("detail", equalTo("共有 1 个字段不合法"))
                .body("errors[0].message", equalTo("域名 example.cn 重复"));
        as("checks", "applicant").contentType("application/json").body(thing("王五", "王五", "example.com"))
                .post(THINGS + "/checks").then().statusCode(204);
    }

    @Test
    void aMissingResourceIsNamedInTheCallersLanguage() {
        String unknown = "/api/v1/things/" + UUID.randomUUID();
        as("nobody-here", "applicant").header("Accept-Language", "en").get(unknown).then().statusCode(404)
                .body("detail", equalTo("Thing not found"));
        as("nobody-here", "applicant").get(unknown).then().statusCode(404).body("detail", equalTo("事物不存在"));
    }

    @Test
    void anIdempotencyKeyWithAnotherBodyIsA422NamingTheKey() throws Exception {
        String account = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var created = as(account, "applicant").contentType("application/json").header("Idempotency-Key", key)
                .body(thing("王五", "王五", "example.com")).post(THINGS).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        String first = created.path("id");
        // The retry answers the first answer, headers included, and runs nothing.
        as(account, "applicant").contentType("application/json").header("Idempotency-Key", key)
                .body(thing("王五", "王五", "example.com")).post(THINGS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", created.header("Location")).header("ETag", created.header("ETag"));
        // Another account's identical key is its own request.
        String others = as("idem-other-" + UUID.randomUUID(), "applicant").contentType("application/json")
                .header("Idempotency-Key", key).body(thing("王五", "王五", "example.com")).post(THINGS).then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(first, others);
        as(account, "applicant").contentType("application/json").header("Idempotency-Key", key)
                .body(thing("赵六", "赵六", "example.com")).post(THINGS).then().statusCode(422).contentType(PROBLEM)
                .body("type", startsWith("https://beian.example.cn/problems/"))
                .body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // Another query string is another request too.
        as(account, "applicant").contentType("application/json").header("Idempotency-Key", key)
                .body(thing("王五", "王五", "example.com")).post(THINGS + "?dryRun=true").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, count(account));
        // The body is still read by the resource after its fingerprint was taken (a new key runs).
        as(account, "applicant").contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(thing("赵六", "赵六", "example.com")).post(THINGS).then().statusCode(201)
                .body("name", equalTo("赵六"));
        assertEquals(2, count(account));
    }

    @Test
    void aMultipartUploadIsFingerprintedByItsBytes() {
        String key = UUID.randomUUID().toString();
        String boundary = "b0undary";
        String one = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nID_FRONT\r\n--" + boundary
                + "--\r\n";
        as("idem-mp", "applicant").contentType("multipart/form-data; boundary=" + boundary).header("Idempotency-Key", key)
                .body(bytes(one)).post(THINGS + "/x/files").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].code", equalTo("FILE_MISSING"));
        as("idem-mp", "applicant").contentType("multipart/form-data; boundary=" + boundary).header("Idempotency-Key", key)
                .body(bytes(one.replace("ID_FRONT", "ID_BACK"))).post(THINGS + "/x/files").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
        // The same parts under another boundary (clients draw a new one per form) are the same request: replayed.
        as("idem-mp", "applicant").contentType("multipart/form-data; boundary=0therB0undary")
                .header("Idempotency-Key", key).body(bytes(one.replace(boundary, "0therB0undary")))
                .post(THINGS + "/x/files").then().statusCode(400).header("Idempotent-Replayed", "true")
                .body("errors[0].code", equalTo("FILE_MISSING"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBytes(String template, String marker, byte[] bytes) {
        byte[] t = template.getBytes(StandardCharsets.UTF_8);
        int at = template.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(t, 0, at);
        out.write(bytes, 0, bytes.length);
        byte[] rest = template.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        out.write(rest, 0, rest.length);
        return out.toByteArray();
    }
}
