package cn.beian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL (embedded binaries, random port) for a service's {@code @QuarkusTest}s, with one empty
 * database named after the init arg {@code database} (default {@code beian}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String USER = "beian";
    private static final String PASSWORD = "beian";

    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    private String database = "beian";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            if (postgres == null) {
                // UTF-8 whatever the machine's locale (CI runs with an empty environment, where initdb would pick SQL_ASCII).
                postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C")
                        .setLocaleConfig("encoding", "UTF8").start();
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + USER + "') then "
                        + "create role " + USER + " login password '" + PASSWORD + "'; end if; end $$");
                s.execute("drop database if exists " + database + " with (force)");
                s.execute("create database " + database + " owner " + USER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database", e);
        }
        int port = postgres.getPort();
        jdbcUrl = "jdbc:postgresql://localhost:" + port + "/" + database;
        return Map.of(
                "beian.db.port", String.valueOf(port),
                "beian.db.host", "localhost",
                "beian.db.name", database,
                "beian.db.user", USER,
                "beian.db.password", PASSWORD);
    }

    /** A plain JDBC connection to the test database, for assertions on what was (not) written. */
    public static Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
    }

    @Override
    public void stop() {
        // Kept for the JVM's lifetime: every test class of the module shares one server; the shutdown hook of
        // the embedded server stops it.
    }
}
