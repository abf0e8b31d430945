package cn.beian.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL (zonky binaries) for the local stack until SIGTERM.
 *
 * <p>Configuration comes from the environment written by {@code bin/lib/env.sh}:
 * {@code BEIAN_PG_PORT}, {@code BEIAN_DATA}, {@code BEIAN_DB_USER}, {@code BEIAN_DB_PASSWORD}.
 * The data directory {@code $BEIAN_DATA/postgres} is kept across restarts: zonky only runs
 * {@code initdb} when it holds no {@code postgresql.conf}. On SIGTERM the shutdown hook registered
 * by zonky runs {@code pg_ctl stop -m fast}, so the cluster is shut down cleanly.
 */
public final class PostgresMain {

    /** Databases owned by the application role; one per service. */
    static final List<String> DATABASES = List.of("subject", "website", "materials", "review", "notification", "national");

    /** Printed once everything is ready; {@code bin/infra} does not rely on it but humans do. */
    static final String READY_MARKER = "BEIAN-POSTGRES-READY";

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("BEIAN_PG_PORT", "15432"));
        Path dataDir = Path.of(env("BEIAN_DATA", ".data")).toAbsolutePath().resolve("postgres");
        String user = env("BEIAN_DB_USER", "beian");
        String password = env("BEIAN_DB_PASSWORD", "beian");
        Files.createDirectories(dataDir.getParent());
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));

        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)          // keep data across restarts (and on close)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "300")
                // Statement counts per database for the benchmarks' reports (bin/bench): cheap, and off the path
                // of any result.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setLocaleConfig("locale", "C.UTF-8")
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        // zonky registered a shutdown hook that stops the postmaster with "pg_ctl stop -m fast".

        provision(pg, user, password);
        System.out.printf("%s port=%d dataDir=%s fresh=%s startup=%dms%n", READY_MARKER, port, dataDir, fresh,
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        System.out.flush();

        new CountDownLatch(1).await(); // until SIGTERM/SIGINT runs the shutdown hooks
    }

    static void provision(EmbeddedPostgres pg, String user, String password) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(true);
            boolean roleExists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    roleExists = rs.next();
                }
            }
            try (Statement s = c.createStatement()) {
                String verb = roleExists ? "ALTER" : "CREATE";
                s.execute(verb + " ROLE " + ident(user) + " WITH LOGIN CREATEDB PASSWORD " + literal(password));
                System.out.println((roleExists ? "Updated" : "Created") + " role " + user);
                // Read from the postgres database: every database's statements (pg_read_all_stats shows their text).
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("GRANT pg_read_all_stats TO " + ident(user));
                for (String db : DATABASES) {
                    boolean exists;
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                        ps.setString(1, db);
                        try (ResultSet rs = ps.executeQuery()) {
                            exists = rs.next();
                        }
                    }
                    if (!exists) {
                        s.execute("CREATE DATABASE " + ident(db) + " OWNER " + ident(user) + " ENCODING 'UTF8'");
                        System.out.println("Created database " + db);
                    }
                }
            }
        }
    }

    private static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
