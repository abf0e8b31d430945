package cn.beian.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmarks' plots, drawn with JFreeChart into PNG files beside the Markdown report
 * ({@code integration-tests/target/bench/<file>.png}, copied to {@code docs/benchmarks/} by {@code bin/bench}). Each
 * method answers the Markdown line that shows the plot.
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Latency distributions: for each series, the share of values (percent) at or below each latency, on a
     * logarithmic latency axis in milliseconds — the whole distribution, tail included, in one picture.
     */
    public static String distribution(String file, String title, String unit, Map<String, long[]> values,
            double scale) {
        XYSeriesCollection data = new XYSeriesCollection();
        values.forEach((name, raw) -> {
            long[] v = raw.clone();
            Arrays.sort(v);
            XYSeries s = new XYSeries(name + " (" + v.length + ")");
            for (int i = 0; i < v.length; i++) {
                s.add(Math.max(v[i] / scale, 0.01), 100.0 * (i + 1) / v.length);
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, unit, "share at or below (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new LogarithmicAxis(unit + " (log scale)"));
        style(chart);
        return write(file, title, chart);
    }

    /** One bar per category (e.g. CPU milliseconds per order, per part). */
    public static String bars(String file, String title, String axis, Map<String, Double> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((category, value) -> data.addValue(value, axis, category));
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, false,
                false, false);
        style(chart);
        return write(file, title, chart);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
    }

    private static String write(String file, String title, JFreeChart chart) {
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            ChartUtils.saveChartAsPNG(dir.resolve(file + ".png").toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "![" + title + "](" + file + ".png)";
    }
}
