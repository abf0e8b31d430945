package cn.beian.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's Prometheus metrics as a test reads them ({@code /q/metrics}): the value of one series, and the label
 * values that look like ids — a metric's label set must stay bounded (a state, a kind, a channel), never an order,
 * an account or a phone.
 */
public final class Metrics {

    // The labels end at the first closing brace outside a quoted value: what follows the value (an exemplar's
    // "# {trace_id=…}") is no label of the series.
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A UUID anywhere, a run of 6 or more digits (phones, certificate numbers, sequences), or 16+ hex digits. */
    private static final Pattern ID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d{6,}|\\b[0-9a-fA-F]{16,}\\b");

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** Reads the running test application's metrics. */
    public static Metrics scrape() {
        return new Metrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static Metrics of(String text) {
        return new Metrics(text);
    }

    /** The value of the series {@code name} whose labels include {@code labels} (alternating key, value); 0 if none. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = labels(m.group(3));
            if (have.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(m.group(4));
                found = true;
            }
        }
        return found ? sum : 0;
    }

    /** Whether any series named {@code name} is there. */
    public boolean has(String name) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find() && m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every {@code metric{label="value"}} whose label value looks like an id (empty: the label sets are bounded). */
    public List<String> idLikeLabels() {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            labels(m.group(3)).forEach((k, v) -> {
                if (ID_LIKE.matcher(v).find()) {
                    found.add(m.group(1) + "{" + k + "=\"" + v + "\"}");
                }
            });
        }
        return found;
    }

    private static Map<String, String> labels(String body) {
        Map<String, String> map = new LinkedHashMap<>();
        if (body != null) {
            Matcher l = LABEL.matcher(body);
            while (l.find()) {
                map.put(l.group(1), l.group(2));
            }
        }
        return map;
    }
}
