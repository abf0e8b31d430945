package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.it.console.Browser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The reviewers' console in a real browser (headless Chromium) on the real stack: reviewers sign in through
 * Keycloak's login page (authorization code + PKCE), claim a case in the queue, reject it with a reason pinned to
 * {@code websites[0].name} by clicking that field; the applicant reads the reason through the API and resubmits; a
 * second reviewer sees the first one's decision, meets a stale decision explained in words with the case reloaded, and
 * approves; the photo case shows the curtain photo next to the ID photo, full size and zoomable; authority staff record
 * the administration's outcome by hand. Every request the console sent is checked to carry the signed-in user's
 * bearer token and no other credential. A screenshot of each step is kept in {@code target/console-screenshots/}.
 */
class ReviewConsoleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String CONSOLE = Stack.REVIEW + "/console/";

    @Test
    void reviewersWorkACaseFromClaimToDecisionInTheConsole() throws Exception {
        String applicant = Keycloak.newApplicant();
        String admin = Keycloak.token("ada", "ada-local");
        String[] first = Keycloak.newUser("console-rita", "reviewer");
        String[] second = Keycloak.newUser("console-ravi", "reviewer");
        String[] staff = Keycloak.newUser("console-arthur", "authority");
        String person = "欧阳" + (char) (0x4e00 + ThreadLocalRandom.current().nextInt(0x100, 0x1000))
                + (char) (0x4e00 + ThreadLocalRandom.current().nextInt(0x100, 0x1000));
        String longName = person + "的读书随笔与日常生活点滴记录及学习心得体会汇编";
        String domain = "console-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        String[] order = firstFiling(applicant, admin, person, longName, domain);
        String orderId = order[0];
        String websiteUrl = order[1];
        Fixtures.orderAction(applicant, Stack.SUBJECT + "/api/v1/orders/" + orderId, "submit").then().statusCode(200);

        try (Browser browser = new Browser()) {
            try {
                work(browser, applicant, admin, first, second, staff, person, orderId, websiteUrl, domain, longName);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + browser.failure("zz-failure"), e);
            }
        }
    }

    private void work(Browser browser, String applicant, String admin, String[] first, String[] second, String[] staff,
            String person, String orderId, String websiteUrl, String domain, String longName) throws Exception {
        {
            // 1. The first reviewer signs in through Keycloak's login page.
            String firstId = signIn(browser, first, "01");
            List<Browser.Request> seen = new ArrayList<>(browser.requests());

            // 2. The queue shows the case (kind, province, SLA); the reviewer claims it from its row.
            WebElement row = queueRow(browser, orderId, 1);
            assertEquals("首审", row.findElement(By.cssSelector(".kind")).getText());
            assertTrue(row.getText().contains("北京"), row.getText());
            assertTrue(row.findElement(By.cssSelector(".sla")).getText().matches(".*(剩余|已超时).*"),
                    row.findElement(By.cssSelector(".sla")).getText());
            browser.screenshot("02-queue");
            noHorizontalOverflow(browser, "queue");
            row.findElement(By.cssSelector("button[data-action=claim]")).click();

            // 3. The claimed case: personal data in full, the materials as images, the long name wrapped.
            browser.until(d -> browser.js("return location.hash").toString().startsWith("#/cases/"));
            String firstCase = browser.js("return location.hash").toString().substring("#/cases/".length());
            browser.until(d -> "FULL".equals(browser.find("#personal-data").getDomAttribute("data-personal-data")));
            browser.until(d -> !browser.all("img[data-loaded-key]").isEmpty()
                    && (Boolean) browser.js("return [...document.querySelectorAll('img[data-loaded-key]')].every(i => i.complete && i.naturalWidth > 0)"));
            assertEquals(longName, browser.find("button[data-field-key='websites[0].name']").getText());
            noHorizontalOverflow(browser, "case");
            everyControlHasALabel(browser);
            browser.screenshot("03-case-claimed");

            // 4. A reason pinned to websites[0].name by clicking the field; code guessed, standard sentence prefilled.
            browser.find("button[data-field-key='websites[0].name']").click();
            WebElement code = browser.visible("select[data-reason-for='websites[0].name']");
            assertEquals("WEBSITE_NAME_NOT_COMPLIANT", code.getDomProperty("value"));
            WebElement suggestion = browser.find("textarea[data-suggestion-for='websites[0].name']");
            assertEquals("网站名称不符合要求，请修改", suggestion.getDomProperty("value"));
            suggestion.clear();
            suggestion.sendKeys("网站名称请体现网站内容");
            browser.screenshot("04-reason-pinned");
            browser.find("#reject").click();
            browser.visible("#confirm-yes").click();
            browser.until(d -> "REJECTED".equals(browser.find("#case-status").getDomAttribute("data-status")));
            browser.screenshot("05-rejected");

            // 5. The applicant reads that reason through the API, fixes the website and resubmits.
            await(() -> "INITIAL_REJECTED".equals(orderState(applicant, orderId)));
            given().auth().oauth2(applicant).get(Stack.REVIEW + "/api/v1/orders/" + orderId + "/rejections").then()
                    .statusCode(200).body("items[0].reasons[0].fieldKey", equalTo("websites[0].name"))
                    .body("items[0].reasons[0].code", equalTo("WEBSITE_NAME_NOT_COMPLIANT"))
                    .body("items[0].reasons[0].suggestion", equalTo("网站名称请体现网站内容"));
            resubmit(applicant, orderId, websiteUrl, person + "的读书随笔", domain);

            // 6. Sign-out, then the second reviewer signs in and opens the re-submitted case (masked until claimed).
            seen.addAll(browser.requests());
            checkOnlyTheUsersToken(seen, firstId);
            browser.find("#sign-out").click();
            browser.visible("#sign-in");
            browser.screenshot("06-signed-out");
            browser.requests();
            String secondId = signIn(browser, second, "07");
            seen = new ArrayList<>(browser.requests());
            WebElement again = queueRow(browser, orderId, 2);
            again.findElement(By.cssSelector("a[data-action=open]")).click();
            browser.until(d -> "MASKED".equals(browser.find("#personal-data").getDomAttribute("data-personal-data")));
            assertFalse(browser.find("button[data-field-key='websites[0].name']").isEnabled(),
                    "fields pin reasons only for the claim holder");
            // The first reviewer's rejection is shown to the second.
            browser.visible("[data-earlier=REJECTED]");
            browser.screenshot("08-second-reviewer-masked");

            // 7. Claim with the keyboard (C); then the case changes elsewhere (the same reviewer renews the claim in
            // another tab): the approval names a stale version, and the console says so and reloads the case.
            browser.find("body").sendKeys("c");
            browser.until(d -> "FULL".equals(browser.find("#personal-data").getDomAttribute("data-personal-data")));
            String secondCase = browser.js("return location.hash").toString().substring("#/cases/".length());
            int shown = Integer.parseInt(browser.find("#case-version").getText());
            String secondToken = Keycloak.token(second[0], second[1]);
            int renewed = given().auth().oauth2(secondToken).post(Stack.REVIEW + "/api/v1/review-cases/" + secondCase
                    + "/claim").then().statusCode(200).extract().path("version");
            assertTrue(renewed > shown);
            browser.find("body").sendKeys("a");
            browser.visible("#confirm-yes").click();
            WebElement stale = browser.visible("#banner [data-problem-code=STALE_VERSION]");
            assertNotNull(stale);
            String words = browser.find("#banner").getText();
            assertTrue(words.contains("第 " + shown + " 版") && words.contains("第 " + renewed + " 版")
                    && words.contains("重新加载"), words);
            browser.until(d -> browser.find("#case-version").getText().equals(String.valueOf(renewed)));
            browser.until(d -> "OPEN".equals(browser.find("#case-status").getDomAttribute("data-status")));
            browser.screenshot("09-stale-decision");

            // 8. The second reviewer approves the reloaded case.
            browser.find("#approve").click();
            browser.visible("#confirm-yes").click();
            browser.until(d -> "APPROVED".equals(browser.find("#case-status").getDomAttribute("data-status")));
            browser.screenshot("10-approved-by-second-reviewer");
            await(() -> "AWAITING_PHOTO".equals(orderState(applicant, orderId)));
            given().auth().oauth2(admin).get(Stack.REVIEW + "/api/v1/review-cases/" + secondCase).then()
                    .body("reviewCase.decidedBy", equalTo(secondId));
            given().auth().oauth2(admin).get(Stack.REVIEW + "/api/v1/review-cases/" + firstCase).then()
                    .body("reviewCase.decidedBy", equalTo(firstId));

            // 9. The curtain photo: the photo case shows it next to the ID photo; full size, zoom.
            String materials = Stack.MATERIALS + "/api/v1/orders/" + orderId;
            uploadMissing(applicant, materials, true);
            given().auth().oauth2(applicant).post(materials + "/photo-submissions").then().statusCode(202);
            await(() -> "PHOTO_REVIEW".equals(orderState(applicant, orderId)));
            browser.find("a[data-nav=queue]").click();
            WebElement photoRow = queueRow(browser, orderId, 2, "PHOTO");
            assertEquals("拍照复审", photoRow.findElement(By.cssSelector(".kind")).getText());
            photoRow.findElement(By.cssSelector("button[data-action=claim]")).click();
            browser.visible("#photo-compare");
            browser.until(d -> (Boolean) browser.js("const imgs = [...document.querySelectorAll('#photo-compare img')];"
                    + "return imgs.length === 2 && imgs.every(i => i.complete && i.naturalWidth > 0)"));
            List<String> kinds = browser.all("#photo-compare figure.material").stream()
                    .map(f -> f.getDomAttribute("data-material-kind")).toList();
            assertEquals(List.of("ID_FRONT", "CURTAIN_PHOTO"), kinds.stream().map(k -> k.equals("ID_BOTH_SIDES") ? "ID_FRONT" : k).toList());
            browser.screenshot("11-photo-case");
            browser.find("#photo-compare figure[data-material-kind=CURTAIN_PHOTO] button.thumb").click();
            browser.visible("#viewer[open] #viewer-img");
            browser.find("#viewer button[data-zoom=in]").click();
            browser.find("#viewer button[data-zoom=in]").click();
            assertEquals("150%", browser.find("#viewer-scale").getText());
            long width = ((Number) browser.js("return document.getElementById('viewer-img').getBoundingClientRect().width")).longValue();
            long natural = ((Number) browser.js("return document.getElementById('viewer-img').naturalWidth")).longValue();
            assertEquals(natural * 3 / 2, width, 2);
            browser.screenshot("12-photo-full-size-zoomed");
            browser.find("#viewer").sendKeys(Keys.ESCAPE);
            browser.until(d -> browser.js("return document.getElementById('viewer').open").equals(Boolean.FALSE));
            // The photo case's checklist holds the curtain photo's items (a Beijing filing): each ticked with its
            // button, each answer reloading the case; an approval with one unanswered would be refused.
            assertEquals(List.of("X-05", "BJ-B-09"), browser.all("#checklist li[data-item-id]").stream()
                    .map(li -> li.getDomAttribute("data-item-id")).toList());
            for (String item : List.of("X-05", "BJ-B-09")) {
                String li = "#checklist li[data-item-id='" + item + "']";
                browser.find(li + " button[data-check=tick]").click();
                browser.until(d -> "TICKED".equals(browser.find(li).getDomAttribute("data-outcome")));
            }
            browser.screenshot("12b-checklist-ticked");
            browser.find("#approve").click();
            browser.visible("#confirm-yes").click();
            browser.until(d -> "APPROVED".equals(browser.find("#case-status").getDomAttribute("data-status")));
            await(() -> "AUTHORITY_REVIEW".equals(orderState(applicant, orderId)));

            // 10. Silent renewal: the refresh token buys a new access token without leaving the page.
            Object expires = browser.jsAsync("const done = arguments[0]; window.beianConsole.renew().then(done, e => done('error ' + e))");
            assertFalse(String.valueOf(expires).startsWith("error"), String.valueOf(expires));
            browser.find("a[data-nav=queue]").click();
            browser.visible("#queue-table");
            seen.addAll(browser.requests());
            checkOnlyTheUsersToken(seen, secondId);
            assertTrue(seen.stream().anyMatch(r -> r.url().endsWith("/protocol/openid-connect/token")
                    && r.postData() != null && r.postData().contains("grant_type=refresh_token")),
                    "the token was renewed with the refresh token");

            // 11. English, at 1366×768, the long name still wrapped.
            browser.find("#lang").click();
            browser.until(d -> browser.find("main h1").getText().equals("Review queue"));
            noHorizontalOverflow(browser, "queue (English)");
            browser.screenshot("13-queue-english");
            browser.find("#lang").click();
            browser.until(d -> browser.find("main h1").getText().equals("审核队列"));

            // 12. Authority staff: the submission waiting on the administration; the outcome recorded by hand.
            browser.find("#sign-out").click();
            browser.visible("#sign-in");
            browser.requests();
            String staffId = signIn(browser, staff, "14");
            seen = new ArrayList<>(browser.requests());
            browser.until(d -> browser.js("return location.hash").equals("#/authority"));
            String submissionId = orderId + ":2";
            WebElement submission = browser.until(d -> {
                browser.find("#a-order").clear();
                browser.find("#a-order").sendKeys(orderId, Keys.ENTER);
                List<WebElement> rows = d.findElements(By.cssSelector("tr[data-submission-id='" + submissionId + "']"));
                return rows.isEmpty() ? null : rows.get(0);
            });
            browser.screenshot("15-authority-submissions");
            assertNotNull(submission);
            // The list refreshes itself: find the row's button afresh when the table was redrawn under the click.
            browser.until(d -> {
                d.findElement(By.cssSelector("tr[data-submission-id='" + submissionId + "'] button[data-action=record]")).click();
                return true;
            });
            new org.openqa.selenium.support.ui.Select(browser.visible("#outcome")).selectByValue("REJECTED");
            browser.find(".reasons-part input[name=code]").sendKeys("SUBJECT_INFO_WRONG");
            browser.find(".reasons-part input[name=message]").sendKeys("主体信息与管局记录不一致");
            browser.screenshot("16-record-outcome");
            browser.find("#record-outcome").click();
            browser.visible("#confirm-yes").click();
            browser.until(d -> browser.find("#banner").getText().contains("已记录"));
            given().auth().oauth2(admin).get(Stack.REVIEW + "/api/v1/authority-submissions/" + submissionId).then()
                    .statusCode(200).body("status", equalTo("REJECTED")).body("decidedBy", equalTo(staffId));
            await(() -> "AUTHORITY_REJECTED".equals(orderState(applicant, orderId)));
            given().auth().oauth2(applicant).get(Stack.REVIEW + "/api/v1/orders/" + orderId + "/rejections").then()
                    .body("items.reasons.flatten().code", hasItem("SUBJECT_INFO_WRONG"));
            browser.screenshot("17-outcome-recorded");
            seen.addAll(browser.requests());
            checkOnlyTheUsersToken(seen, staffId);
        }
    }

    // ---- the browser -------------------------------------------------------------------------------------------

    /** Signs in through the console's button and Keycloak's login page; answers the account id the console shows. */
    private static String signIn(Browser browser, String[] user, String step) {
        browser.open(CONSOLE);
        browser.visible("#sign-in");
        if (step.equals("01")) {
            browser.screenshot("00-console-welcome");
        }
        browser.find("#sign-in").click();
        browser.visible("#username").sendKeys(user[0]);
        browser.find("#password").sendKeys(user[1]);
        browser.screenshot(step + "-keycloak-login");
        browser.find("#kc-login").click();
        browser.until(d -> d.getCurrentUrl().startsWith(CONSOLE) && !d.getCurrentUrl().contains("code="));
        browser.until(d -> browser.find("#whoami").getText().startsWith(user[0]));
        Object id = browser.js("return window.beianConsole.accountId()");
        assertNotNull(id);
        return id.toString();
    }

    private static WebElement queueRow(Browser browser, String orderId, int submission) {
        return queueRow(browser, orderId, submission, "INITIAL");
    }

    /** The queue's row of the order's case (claimable), found by polling the page as the console refreshes. */
    private static WebElement queueRow(Browser browser, String orderId, int submission, String kind) {
        browser.visible("#queue-table");
        return browser.until(d -> d.findElements(By.cssSelector("tr[data-order-id='" + orderId + "']")).stream()
                .filter(r -> r.findElement(By.cssSelector(".kind")).getDomAttribute("class").contains("kind-" + kind))
                .filter(r -> r.getText().contains("第 " + submission + " 次"))
                .filter(r -> !r.findElements(By.cssSelector(".pill.free")).isEmpty())
                .findFirst().orElse(null));
    }

    private static void noHorizontalOverflow(Browser browser, String where) {
        Number scroll = (Number) browser.js("return document.documentElement.scrollWidth");
        Number inner = (Number) browser.js("return window.innerWidth");
        assertTrue(scroll.intValue() <= inner.intValue(), where + ": the page is " + scroll + " px wide in a "
                + inner + " px window");
    }

    private static void everyControlHasALabel(Browser browser) {
        Object unlabelled = browser.js("return [...document.querySelectorAll('input, select, textarea, button')].filter(e => e.checkVisibility())"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
                + ".map(e => e.outerHTML.slice(0, 80))");
        assertEquals(List.of(), unlabelled, "every control has a label");
    }

    /**
     * Every request from the console to a Beian service carries exactly the signed-in user's bearer token (a Keycloak
     * access token for the console's public client, subject {@code accountId}), no cookie and no other credential;
     * the console's own files and its config carry none; the sign-in used PKCE and no client secret.
     */
    private static void checkOnlyTheUsersToken(List<Browser.Request> requests, String accountId) {
        Set<String> services = Set.of(Stack.SUBJECT, Stack.WEBSITE, Stack.MATERIALS, Stack.REVIEW, Stack.NOTIFICATION,
                Stack.NATIONAL);
        int api = 0;
        for (Browser.Request r : requests) {
            if (r.url().startsWith("data:") || r.url().startsWith("blob:")) {
                continue;
            }
            URI uri = URI.create(r.url());
            String origin = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
            for (String h : r.headers().keySet()) {
                String lower = h.toLowerCase();
                assertFalse(lower.contains("api-key") || lower.equals("x-auth-token") || lower.equals("proxy-authorization"),
                        "no other credential header: " + h + " on " + r.url());
            }
            if (r.url().endsWith("/protocol/openid-connect/token") && r.postData() != null) {
                assertFalse(r.postData().contains("client_secret"), "a public client: " + r.postData());
                assertTrue(r.postData().contains("client_id=beian-console"), r.postData());
                if (r.postData().contains("grant_type=authorization_code")) {
                    assertTrue(r.postData().contains("code_verifier="), "PKCE: " + r.postData());
                }
            }
            if (r.url().contains("/protocol/openid-connect/auth?")) {
                assertTrue(r.url().contains("code_challenge_method=S256") && r.url().contains("response_type=code"),
                        r.url());
            }
            if (!services.contains(origin) || "OPTIONS".equals(r.method())) {
                continue;
            }
            String path = uri.getPath();
            if (path.startsWith("/console/")) {
                assertNull(r.header("Authorization"), "the console's own files need no token: " + r.url());
                continue;
            }
            api++;
            // (Cookies are per host, not per port: Keycloak's own cookies of localhost reach the console's page
            // loads locally; the API calls are made without credentials, so none reaches an API.)
            assertNull(r.header("Cookie"), "no cookie to an API: " + r.url());
            String authorization = r.header("Authorization");
            assertNotNull(authorization, "the user's token on " + r.method() + " " + r.url());
            Matcher bearer = Pattern.compile("Bearer ([\\w-]+)\\.([\\w-]+)\\.([\\w-]+)").matcher(authorization);
            assertTrue(bearer.matches(), "one bearer JWT: " + authorization);
            String claims = new String(Base64.getUrlDecoder().decode(bearer.group(2)));
            assertTrue(claims.contains("\"sub\":\"" + accountId + "\""), "the signed-in user's token on " + r.url());
            assertTrue(claims.contains("\"azp\":\"beian-console\""), "issued to the console's client: " + claims);
        }
        assertTrue(api > 3, "the console called the APIs (" + api + " requests)");
    }

    // ---- the applicant's side, through the API ----------------------------------------------------------------

    /** A person's first filing, ready to submit: answers {orderId, websiteUrl}. */
    private static String[] firstFiling(String applicant, String admin, String person, String websiteName,
            String domain) throws Exception {
        String email = "console-" + UUID.randomUUID() + "@beian.local";
        String subject = Fixtures.personSubject(person, email);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(subject)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Mobiles.confirmIn(applicant, subject);
        Matcher certificate = Pattern.compile("\"certificateNumber\":\"(\\w+)\"").matcher(subject);
        assertTrue(certificate.find());
        String cert = certificate.group(1);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        Fixtures.registerDomain(admin, domain, person, cert);
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(applicant).get(websites).statusCode() == 200);
        Response created = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(website(applicant, websiteName, domain)).post(websites);
        created.then().statusCode(201);
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(applicant).get(materials + "/required-materials").statusCode() == 200);
        uploadMissing(applicant, materials, false);
        await(() -> given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .path("readiness.missing").toString().equals("[]"));
        return new String[] {order, websites + "/" + created.path("id")};
    }

    private static void resubmit(String applicant, String order, String websiteUrl, String name, String domain) {
        String etag = given().auth().oauth2(applicant).get(websiteUrl).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", etag)
                .body(website(applicant, name, domain)).put(websiteUrl).then().statusCode(200);
        String websites = websiteUrl.substring(0, websiteUrl.lastIndexOf('/'));
        int fixed = given().auth().oauth2(applicant).get(websites).then().extract().path("version");
        await(() -> {
            Integer v = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                    .path("readiness.websitesVersion");
            return v != null && v == fixed;
        });
        Fixtures.orderAction(applicant, Stack.SUBJECT + "/api/v1/orders/" + order, "resubmit").then().statusCode(200)
                .body("state", equalTo("INITIAL_REVIEW"));
    }

    private static void uploadMissing(String applicant, String materials, boolean photo) throws Exception {
        List<Map<String, Object>> missing = given().auth().oauth2(applicant).get(materials + "/required-materials")
                .then().statusCode(200).extract().path("missing");
        for (Map<String, Object> m : missing) {
            if ("CURTAIN_PHOTO".equals(m.get("kind")) != photo) {
                continue;
            }
            given().auth().oauth2(applicant).contentType("image/jpeg").queryParam("kind", m.get("kind"))
                    .queryParam("ownerRef", m.get("ownerRef")).body(MaterialsIT.jpeg(photo ? 600 : 900, photo ? 800 : 600))
                    .post(materials + "/materials").then().statusCode(201);
        }
    }

    private static String orderState(String applicant, String order) {
        return given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order).path("state");
    }

    private static void await(Supplier<Boolean> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition::get);
    }

    private static String website(String token, String name, String domain) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["http://www.%s"],"serviceContent":"OTHER",
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与随笔，不含任何商业内容","principalSameAsSubject":true,
                 "serverIds":["%s"]}""".formatted(name, domain, domain, Fixtures.server(token));
    }
}
