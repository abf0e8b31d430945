package cn.beian.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gauge per combination of a few bounded labels (a state, a province, a kind — never an id), set as a whole from a
 * periodic query: each scrape reads the last values, so a scrape costs no query. Combinations the last query did not
 * answer disappear.
 */
public final class LabeledGauge {

    private final MultiGauge gauge;
    private final List<String> labels;

    public LabeledGauge(MeterRegistry registry, String name, String description, String baseUnit,
            String... labels) {
        this.labels = List.of(labels);
        this.gauge = MultiGauge.builder(name).description(description).baseUnit(baseUnit).register(registry);
    }

    /** Replaces every value: {@code values} maps each combination's label values (in order) to its value. */
    public void set(Map<List<String>, ? extends Number> values) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        values.forEach((key, value) -> {
            if (key.size() != labels.size()) {
                throw new IllegalArgumentException("labels " + labels + " given " + key);
            }
            Tags tags = Tags.empty();
            for (int i = 0; i < key.size(); i++) {
                tags = tags.and(labels.get(i), key.get(i) == null ? "" : key.get(i));
            }
            rows.add(MultiGauge.Row.of(tags, value));
        });
        gauge.register(rows, true);
    }
}
