package cn.beian.bench;

import cn.beian.it.Stack;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the stack's processes spent during a measured phase, from their own counters rather than the client's clock:
 * CPU-seconds per part (every process of the part's process group, as {@code bin/infra} and {@code bin/services}
 * record it under {@code $BEIAN_DATA/pids}, including reaped children such as PostgreSQL's backends), resident memory
 * at the end, and per database the statements executed ({@code pg_stat_statements}) and transactions committed.
 * Divided by the orders of the phase, these are the figures the machine's noise disturbs least.
 */
public final class StackMeter {

    /** Linux' USER_HZ: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The counters at one moment. */
    public record Snapshot(Map<String, Long> cpuTicks, Map<String, Long> rssKb, Map<String, Long> statements,
            Map<String, Long> commits, Map<String, Statement> byStatement) {
    }

    /** One normalised statement's counters ({@code pg_stat_statements}): calls and execution time so far. */
    public record Statement(String database, String query, long calls, double totalMs) {
    }

    /** How many statements {@link #table} lists one by one. */
    private static final int TOP_STATEMENTS = 12;

    private StackMeter() {
    }

    /**
     * Waits until the stack's processes together spend less than {@code cores} of a core over 5 s (the JIT and the
     * start-up's own work done), at most {@code maxSeconds}; answers the seconds waited and the last share of a core,
     * for the report.
     */
    public static double[] awaitQuiet(double cores, int maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        double used;
        do {
            Snapshot before = take();
            Thread.sleep(5000);
            Snapshot after = take();
            used = after.cpuTicks().entrySet().stream()
                    .mapToDouble(e -> e.getValue() - before.cpuTicks().getOrDefault(e.getKey(), 0L)).sum()
                    / TICKS_PER_SECOND / 5;
        } while (used >= cores && System.nanoTime() - start < maxSeconds * 1_000_000_000L);
        return new double[] {(System.nanoTime() - start) / 1e9, used};
    }

    public static Snapshot take() {
        Map<String, Long> cpu = new TreeMap<>();
        Map<String, Long> rss = new TreeMap<>();
        Path pids = Path.of(System.getenv().getOrDefault("BEIAN_DATA", ".data"), "pids");
        if (Files.isDirectory(pids)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
                for (Path f : files) {
                    String part = f.getFileName().toString().replace(".pid", "");
                    long group = Long.parseLong(Files.readString(f).strip());
                    long[] used = group(group, part.equals("postgres") ? postmaster() : -1);
                    if (used != null) {
                        cpu.put(part, used[0]);
                        rss.put(part, used[1]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // A part stopping meanwhile: it is left out of this snapshot.
            }
        }
        Map<String, Long> statements = new TreeMap<>();
        Map<String, Long> commits = new TreeMap<>();
        Map<String, Statement> byStatement = new TreeMap<>();
        database(statements, commits, byStatement);
        return new Snapshot(cpu, rss, statements, commits, byStatement);
    }

    /**
     * A Markdown table of what each part spent between {@code before} and {@code after}, per {@code orders} units of
     * work (0: totals only), each a {@code unit} ("order", "claim", "file": the table's columns are per that word).
     */
    public static String table(Snapshot before, Snapshot after, long orders, String unit, double seconds) {
        StringBuilder md = new StringBuilder(String.format(
                "Spent by each part over %.1f s%s (CPU from /proc, statements from pg_stat_statements):%n%n", seconds,
                orders > 0 ? ", for " + orders + " " + unit + "s" : ""));
        md.append("| part | CPU (s) | CPU (% of one core) | CPU per " + unit + " (ms) | RSS at end (MB) | statements | "
                + "statements per " + unit + " | commits per " + unit + " |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double totalCpu = 0;
        for (String part : after.cpuTicks().keySet()) {
            double cpu = (after.cpuTicks().get(part) - before.cpuTicks().getOrDefault(part, 0L)) / TICKS_PER_SECOND;
            totalCpu += cpu;
            String db = database(part);
            Long st = delta(before.statements(), after.statements(), db);
            Long co = delta(before.commits(), after.commits(), db);
            md.append(String.format("| %s | %.1f | %.0f | %s | %.0f | %s | %s | %s |%n", part, cpu, 100 * cpu / seconds,
                    orders > 0 ? String.format("%.2f", 1000 * cpu / orders) : "-",
                    after.rssKb().getOrDefault(part, 0L) / 1024.0, st == null ? "-" : st,
                    st == null || orders == 0 ? "-" : String.format("%.1f", (double) st / orders),
                    co == null || orders == 0 ? "-" : String.format("%.1f", (double) co / orders)));
        }
        md.append(String.format("| **all parts** | %.1f | %.0f | %s | | | | |%n", totalCpu, 100 * totalCpu / seconds,
                orders > 0 ? String.format("%.2f", 1000 * totalCpu / orders) : "-"));
        md.append(statements(before, after, orders, unit));
        return md.toString();
    }

    /**
     * The statements that took the database's time in the phase, most first: where a transaction's round trips and
     * PostgreSQL's CPU go ({@code pg_stat_statements}' execution time, planning excluded).
     */
    private static String statements(Snapshot before, Snapshot after, long orders, String unit) {
        List<Statement> spent = new ArrayList<>();
        after.byStatement().forEach((key, s) -> {
            Statement was = before.byStatement().get(key);
            long calls = s.calls() - (was == null ? 0 : was.calls());
            if (calls > 0) {
                spent.add(new Statement(s.database(), s.query(), calls,
                        s.totalMs() - (was == null ? 0 : was.totalMs())));
            }
        });
        if (spent.isEmpty()) {
            return "";
        }
        spent.sort(Comparator.comparingDouble(Statement::totalMs).reversed());
        double total = spent.stream().mapToDouble(Statement::totalMs).sum();
        StringBuilder md = new StringBuilder(String.format("%nThe %d statements that took most of the databases' "
                + "execution time (%.0f ms in all, over %d distinct statements):%n%n", Math.min(TOP_STATEMENTS,
                spent.size()), total, spent.size()));
        md.append("| database | statement | calls | calls per " + unit + " | mean (ms) | share of the time |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Statement s : spent.subList(0, Math.min(TOP_STATEMENTS, spent.size()))) {
            String q = s.query().replaceAll("\\s+", " ").replace("|", "\\|");
            md.append(String.format("| %s | `%s` | %d | %s | %.3f | %.0f %% |%n", s.database(),
                    q.length() > 110 ? q.substring(0, 107) + "..." : q, s.calls(),
                    orders > 0 ? String.format("%.2f", (double) s.calls() / orders) : "-", s.totalMs() / s.calls(),
                    100 * s.totalMs() / total));
        }
        return md.toString();
    }

    /** CPU milliseconds per unit of work (order, claim, file) of each part that spent any, for {@link Charts#bars}. */
    public static Map<String, Double> cpuPerUnit(Snapshot before, Snapshot after, long orders) {
        Map<String, Double> out = new TreeMap<>();
        after.cpuTicks().forEach((part, ticks) -> {
            double ms = 1000 * (ticks - before.cpuTicks().getOrDefault(part, 0L)) / TICKS_PER_SECOND / orders;
            if (ms > 0) {
                out.put(part, ms);
            }
        });
        return out;
    }

    private static Long delta(Map<String, Long> before, Map<String, Long> after, String db) {
        if (db == null || !after.containsKey(db)) {
            return null;
        }
        return after.get(db) - before.getOrDefault(db, 0L);
    }

    /** A service's database: its name without "-service" (national-systems has "national"). */
    private static String database(String part) {
        if (part.endsWith("-service")) {
            return part.substring(0, part.length() - "-service".length());
        }
        return part.equals("national-systems") ? "national" : null;
    }

    /**
     * CPU ticks (own and reaped children's) and RSS (kB) of every live process in {@code group}, and of {@code root}
     * and its children (PostgreSQL's postmaster and backends each lead a session of their own); null if none.
     */
    private static long[] group(long group, long root) throws IOException {
        long ticks = 0;
        long rssKb = 0;
        boolean found = false;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException e) {
                    continue; // exited meanwhile
                }
                // Fields after the command name (which may hold spaces) start at state: pgrp is the 3rd of them.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(p.getFileName().toString());
                if (Long.parseLong(f[2]) != group && pid != root && Long.parseLong(f[1]) != root) {
                    continue;
                }
                found = true;
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                rssKb += Long.parseLong(f[21]) * 4;
            }
        }
        return found ? new long[] {ticks, rssKb} : null;
    }

    /** Outbox rows of a service's database not yet published to Kafka (its relay's backlog). */
    public static long unpublished(String db) {
        try (Connection c = connect(db); java.sql.Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from outbox_event where published_at is null")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + e.getMessage(), e);
        }
    }

    /** The postmaster's pid, from its pid file in the data directory; -1 if unknown. */
    private static long postmaster() {
        try {
            Path pidFile = Path.of(System.getenv().getOrDefault("BEIAN_DATA", ".data"), "postgres", "postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Connection connect(String db) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + System.getenv().getOrDefault("BEIAN_PG_PORT",
                String.valueOf(15432 + Stack.OFFSET)) + "/" + db;
        return DriverManager.getConnection(url, System.getenv().getOrDefault("BEIAN_DB_USER", "beian"),
                System.getenv().getOrDefault("BEIAN_DB_PASSWORD", "beian"));
    }

    private static void database(Map<String, Long> statements, Map<String, Long> commits,
            Map<String, Statement> byStatement) {
        try (Connection c = connect("postgres"); java.sql.Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery(
                    "select datname, xact_commit from pg_stat_database where datname is not null")) {
                while (r.next()) {
                    commits.put(r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("select d.datname, sum(s.calls) from pg_stat_statements s "
                    + "join pg_database d on d.oid = s.dbid group by d.datname")) {
                while (r.next()) {
                    statements.put(r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("select d.datname, s.queryid, s.query, s.calls, s.total_exec_time "
                    + "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname <> 'postgres'")) {
                while (r.next()) {
                    byStatement.put(r.getString(1) + "/" + r.getLong(2),
                            new Statement(r.getString(1), r.getString(3), r.getLong(4), r.getDouble(5)));
                }
            }
        } catch (SQLException e) {
            // pg_stat_statements not loaded (a stack started before it was): statements stay unknown.
        }
    }
}
