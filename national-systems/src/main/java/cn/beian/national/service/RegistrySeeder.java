package cn.beian.national.service;

import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.PasswordHasher;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Loads {@code seed/registry.json} at start when the registry is empty, in one JDBC transaction under an advisory
 * lock (several replicas starting at once load it once). Dates in the file may be relative to the load:
 * {@code -P3D}, {@code +P300D}, {@code -PT36H}. The seed's demo passwords are hashed like any other.
 */
@ApplicationScoped
public class RegistrySeeder {

    private static final Logger LOG = Logger.getLogger(RegistrySeeder.class);
    private static final long SEED_LOCK = 0x7365_6564L;

    private final AgroalDataSource dataSource;
    private final NationalConfig config;
    private final BeianClock clock;

    public RegistrySeeder(AgroalDataSource dataSource, NationalConfig config, BeianClock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        long t0 = System.currentTimeMillis();
        try {
            int loaded = load();
            if (loaded > 0) {
                LOG.infof("Seeded the registry with %d subjects in %d ms", loaded, System.currentTimeMillis() - t0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the registry", e);
        }
    }

    /** Loads the seed if the registry is empty; answers the number of subjects loaded (0 when it was not empty). */
    public int load() throws SQLException {
        JsonNode root = read();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select pg_advisory_xact_lock(" + SEED_LOCK + ")");
                try (ResultSet rs = st.executeQuery("select count(*) from registry_subject")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        c.rollback();
                        return 0;
                    }
                }
            }
            int n = insert(c, root);
            c.commit();
            return n;
        }
    }

    private JsonNode read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.seed())) {
            Objects.requireNonNull(in, "seed file " + config.seed());
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int insert(Connection c, JsonNode root) throws SQLException {
        OffsetDateTime now = clock.now();
        List<JsonNode> subjects = new ArrayList<>();
        root.path("subjects").forEach(subjects::add);
        // PBKDF2 is slow on purpose: hash the demo passwords in parallel.
        Map<String, String> hashes = new ConcurrentHashMap<>();
        int iterations = config.password().iterations();
        subjects.parallelStream().filter(s -> s.hasNonNull("password")).forEach(s -> hashes.put(
                s.get("subjectFilingNumber").asText(), PasswordHasher.hash(s.get("password").asText(), iterations)));
        try (PreparedStatement ps = c.prepareStatement("""
                insert into registry_subject (id, subject_filing_number, status, nature, name, province, certificate_type,
                  certificate_number, provider, principal_name, principal_certificate_type, principal_certificate_number,
                  principal_mobile, principal_email, password_hash, last_website_sequence, filed_on, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement pw = c.prepareStatement("""
                        insert into registry_website (id, subject_id, website_filing_number, name, status, provider,
                          principal_name, principal_mobile, filed_on, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement pd = c.prepareStatement(
                        "insert into registry_domain (id, website_id, domain) values (?, ?, ?)")) {
            for (JsonNode s : subjects) {
                UUID id = UUID.randomUUID();
                JsonNode p = s.path("principal");
                int seq = 0;
                for (JsonNode w : s.path("websites")) {
                    String n = w.get("websiteFilingNumber").asText();
                    seq = Math.max(seq, Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)));
                }
                int i = 1;
                ps.setObject(i++, id);
                ps.setString(i++, s.get("subjectFilingNumber").asText());
                ps.setString(i++, s.get("status").asText());
                ps.setString(i++, s.get("nature").asText());
                ps.setString(i++, s.get("name").asText());
                ps.setString(i++, s.get("province").asText());
                ps.setString(i++, s.get("certificateType").asText());
                ps.setString(i++, s.get("certificateNumber").asText());
                ps.setString(i++, s.get("provider").asText());
                ps.setString(i++, p.get("name").asText());
                ps.setString(i++, text(p, "certificateType"));
                ps.setString(i++, text(p, "certificateNumber"));
                ps.setString(i++, p.get("mobile").asText());
                ps.setString(i++, text(p, "email"));
                ps.setString(i++, hashes.get(s.get("subjectFilingNumber").asText()));
                ps.setInt(i++, seq);
                ps.setDate(i++, Date.valueOf(date(s.get("filedOn").asText(), now)));
                ps.setTimestamp(i, Timestamp.from(now.toInstant()));
                ps.addBatch();
                for (JsonNode w : s.path("websites")) {
                    UUID wid = UUID.randomUUID();
                    int j = 1;
                    pw.setObject(j++, wid);
                    pw.setObject(j++, id);
                    pw.setString(j++, w.get("websiteFilingNumber").asText());
                    pw.setString(j++, w.get("name").asText());
                    pw.setString(j++, w.get("status").asText());
                    pw.setString(j++, text(w, "provider"));
                    pw.setString(j++, text(w, "principalName"));
                    pw.setString(j++, text(w, "principalMobile"));
                    pw.setDate(j++, Date.valueOf(date(w.get("filedOn").asText(), now)));
                    pw.setTimestamp(j, Timestamp.from(now.toInstant()));
                    pw.addBatch();
                    for (JsonNode d : w.path("domains")) {
                        pd.setObject(1, UUID.randomUUID());
                        pd.setObject(2, wid);
                        pd.setString(3, d.asText());
                        pd.addBatch();
                    }
                }
            }
            ps.executeBatch();
            pw.executeBatch();
            pd.executeBatch();
        }
        try (PreparedStatement pf = c.prepareStatement("""
                insert into in_flight_elsewhere (id, provider, certificate_type, certificate_number, domain, since)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (JsonNode f : root.path("inFlightElsewhere")) {
                pf.setObject(1, UUID.randomUUID());
                pf.setString(2, f.get("provider").asText());
                pf.setString(3, text(f, "certificateType"));
                pf.setString(4, text(f, "certificateNumber"));
                pf.setString(5, text(f, "domain"));
                pf.setTimestamp(6, Timestamp.from(instant(f.get("since").asText(), now).toInstant()));
                pf.addBatch();
            }
            pf.executeBatch();
        }
        try (PreparedStatement pr = c.prepareStatement("""
                insert into domain_registration (domain, registrar, registrant_name, registrant_certificate_type,
                  registrant_certificate_number, real_name_verified, real_name_verified_at, registered_on, expires_on,
                  registered_abroad, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (JsonNode r : root.path("domainRegistrations")) {
                pr.setString(1, r.get("domain").asText());
                pr.setString(2, r.get("registrar").asText());
                pr.setString(3, r.get("registrantName").asText());
                pr.setString(4, text(r, "registrantCertificateType"));
                pr.setString(5, text(r, "registrantCertificateNumber"));
                pr.setBoolean(6, r.get("realNameVerified").asBoolean());
                String verifiedAt = text(r, "realNameVerifiedAt");
                if (verifiedAt == null) {
                    pr.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    pr.setTimestamp(7, Timestamp.from(instant(verifiedAt, now).toInstant()));
                }
                pr.setDate(8, Date.valueOf(date(r.get("registeredOn").asText(), now)));
                pr.setDate(9, Date.valueOf(date(r.get("expiresOn").asText(), now)));
                pr.setBoolean(10, r.path("registeredAbroad").asBoolean(false));
                pr.setTimestamp(11, Timestamp.from(now.toInstant()));
                pr.addBatch();
            }
            pr.executeBatch();
        }
        return subjects.size();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** An ISO date, or a period relative to now ({@code -P10D}, {@code +P300D}). */
    static LocalDate date(String value, OffsetDateTime now) {
        if (value.startsWith("-P") || value.startsWith("+P") || value.startsWith("P")) {
            boolean minus = value.startsWith("-");
            Period p = Period.parse(value.replaceFirst("^[+-]", ""));
            return minus ? now.toLocalDate().minus(p) : now.toLocalDate().plus(p);
        }
        return LocalDate.parse(value);
    }

    /** An ISO instant, or a duration/period relative to now ({@code -PT36H}, {@code -P3D}). */
    static OffsetDateTime instant(String value, OffsetDateTime now) {
        if (value.startsWith("-P") || value.startsWith("+P") || value.startsWith("P")) {
            boolean minus = value.startsWith("-");
            String v = value.replaceFirst("^[+-]", "");
            if (v.contains("T")) {
                Duration d = Duration.parse(v);
                return minus ? now.minus(d) : now.plus(d);
            }
            Period p = Period.parse(v);
            return minus ? now.minus(p) : now.plus(p);
        }
        return OffsetDateTime.parse(value);
    }
}
