package cn.beian.it.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which bin/test installs when missing) at
 * 1366×768, a fresh profile each time, with the DevTools network log on so a test can read every request the page
 * sent and its headers. Screenshots go to {@code target/console-screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final ChromeDriver driver;
    private final Path profile;

    /** One request the page sent, as the browser's network log saw it (headers as sent on the wire where known). */
    public record Request(String id, String method, String url, Map<String, String> headers, String postData) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    public Browser() {
        try {
            profile = Files.createTempDirectory("beian-console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("BEIAN_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN",
                "--password-store=basic");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("BEIAN_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 45 s, polling) for a condition of the page; the condition's answer, once not null/false. */
    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(45), Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }

    public WebElement visible(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves a PNG of the viewport as {@code target/console-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The requests sent since the last call (DevTools' Network.requestWillBeSent, headers completed by its ExtraInfo). */
    public List<Request> requests() {
        Map<String, Request> byId = new HashMap<>();
        Map<String, Map<String, String>> wire = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Network.requestWillBeSent")) {
                    JsonNode r = params.path("request");
                    String id = params.path("requestId").asText() + "#" + order.size();
                    byId.put(id, new Request(params.path("requestId").asText(), r.path("method").asText(),
                            r.path("url").asText(), headers(r.path("headers")),
                            r.path("postData").isMissingNode() ? null : r.path("postData").asText()));
                    order.add(id);
                } else if (method.equals("Network.requestWillBeSentExtraInfo")) {
                    wire.computeIfAbsent(params.path("requestId").asText(), k -> new HashMap<>())
                            .putAll(headers(params.path("headers")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Request> result = new ArrayList<>();
        for (String id : order) {
            Request r = byId.get(id);
            Map<String, String> headers = new HashMap<>(r.headers());
            headers.putAll(wire.getOrDefault(r.id(), Map.of()));
            result.add(new Request(r.id(), r.method(), r.url(), headers, r.postData()));
        }
        return result;
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** On a failure: a screenshot, the page's URL and the browser's console messages, for the report. */
    public String failure(String name) {
        StringBuilder out = new StringBuilder("page ").append(driver.getCurrentUrl()).append('\n');
        try {
            screenshot(name);
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                out.append("  console ").append(e.getLevel()).append(' ').append(e.getMessage()).append('\n');
            }
            Object banner = js("const b = document.getElementById('banner'); return b ? b.textContent : ''");
            out.append("  banner: ").append(banner);
        } catch (RuntimeException e) {
            out.append("  (").append(e).append(')');
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
