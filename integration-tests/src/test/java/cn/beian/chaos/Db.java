package cn.beian.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only looks into the services' own databases (the checks read their records: outbox rows, deliveries, the
 * order transitions subject-service published). PostgreSQL is not among the parts the run kills.
 */
final class Db {

    private final String host;
    private final String user;
    private final String password;

    Db() {
        this.host = "localhost:" + System.getenv().getOrDefault("BEIAN_PG_PORT",
                String.valueOf(15432 + cn.beian.it.Stack.OFFSET));
        this.user = System.getenv().getOrDefault("BEIAN_DB_USER", "beian");
        this.password = System.getenv().getOrDefault("BEIAN_DB_PASSWORD", "beian");
    }

    long count(String db, String sql, Object... params) {
        List<Map<String, Object>> rows = rows(db, sql, params);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    List<Map<String, Object>> rows(String db, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/" + db, user, password);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + e.getMessage(), e);
        }
    }
}
