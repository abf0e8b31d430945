package cn.beian.localstack.sms;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages in memory, persisted as JSON lines (one {@link SmsMessage} per line) so a restart keeps them; their delivery
 * reports likewise in {@code reports.jsonl} next to them (one {@link SmsReport} per line, in arrival order). A message
 * is {@code SENDING} until its report is due ({@link #settle(Instant)}, called before every read): then the outcome
 * chosen when it was sent is reported.
 */
final class SmsStore {

    /** What a message's report will say, and from when. */
    private record Pending(String errorCode, String errorMessage, Instant dueAt) {
    }

    private final Path file;
    private final Path reportFile;
    private final ObjectMapper mapper;
    private final List<SmsMessage> messages = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<SmsReport> reports = new ArrayList<>();
    /** Messages still SENDING, in the order they were sent. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    SmsStore(Path file, ObjectMapper mapper) throws IOException {
        this.file = file;
        this.reportFile = file.toAbsolutePath().resolveSibling("reports.jsonl");
        this.mapper = mapper;
        Files.createDirectories(file.toAbsolutePath().getParent());
        for (String line : lines(file)) {
            SmsMessage m = read(line, SmsMessage.class, file);
            if (m != null) {
                index.put(m.id(), messages.size());
                messages.add(m);
            }
        }
        for (String line : lines(reportFile)) {
            SmsReport r = read(line, SmsReport.class, reportFile);
            if (r != null) {
                reports.add(r);
                Integer i = index.get(r.messageId());
                if (i != null) {
                    messages.set(i, messages.get(i).reported(r));
                }
            }
        }
        // a message sent before a restart whose report had not come yet: delivered (the reason is not known any more)
        for (SmsMessage m : messages) {
            if (m.reportedAt() == null) {
                pending.put(m.id(), new Pending(null, null, m.receivedAt()));
            }
        }
    }

    /** Stores a send's messages ({@code SENDING}); each one's report says {@code errorCode} (null: delivered) from {@code dueAt}. */
    synchronized void addAll(List<SmsMessage> batch, Map<String, String[]> failures, Instant dueAt) {
        append(file, batch);
        for (SmsMessage m : batch) {
            index.put(m.id(), messages.size());
            messages.add(m);
            String[] failure = failures.get(m.id());
            pending.put(m.id(), new Pending(failure == null ? null : failure[0], failure == null ? null : failure[1],
                    dueAt));
        }
    }

    /** Reports every message whose report is due at {@code now}, in the order they were sent. */
    synchronized void settle(Instant now) {
        List<SmsReport> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> e = it.next();
            Pending p = e.getValue();
            if (p.dueAt().isAfter(now)) {
                continue;
            }
            it.remove();
            Integer i = index.get(e.getKey());
            if (i == null) {
                continue; // cleared meanwhile
            }
            SmsMessage m = messages.get(i);
            Instant at = now.isBefore(m.receivedAt()) ? m.receivedAt() : now;
            SmsReport r = new SmsReport(String.valueOf(reports.size() + due.size() + 1), m.id(), m.bizId(), m.outId(),
                    m.phone(), p.errorCode() == null ? SmsMessage.DELIVERED : SmsMessage.FAILED, p.errorCode(),
                    p.errorMessage(), m.receivedAt(), at);
            due.add(r);
            messages.set(i, m.reported(r));
        }
        if (!due.isEmpty()) {
            append(reportFile, due);
            reports.addAll(due);
        }
    }

    /** Messages in arrival order (newest last), filtered by the non-null criteria. */
    synchronized List<SmsMessage> find(String phone, Instant since, String outId, String templateCode) {
        List<SmsMessage> out = new ArrayList<>();
        for (SmsMessage m : messages) {
            if (phone != null && !phone.equals(m.phone())) {
                continue;
            }
            if (since != null && m.receivedAt().isBefore(since)) {
                continue;
            }
            if (outId != null && !outId.equals(m.outId())) {
                continue;
            }
            if (templateCode != null && !templateCode.equals(m.templateCode())) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    /** Up to {@code limit} reports after the cursor {@code after} (0: from the first), in arrival order. */
    synchronized List<SmsReport> reportsAfter(long after, int limit) {
        int from = (int) Math.min(Math.max(after, 0), reports.size());
        return List.copyOf(reports.subList(from, Math.min(reports.size(), from + limit)));
    }

    /** The cursor of the newest report (0 when there is none). */
    synchronized long lastCursor() {
        return reports.size();
    }

    synchronized Optional<SmsMessage> get(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(messages.get(i));
    }

    /** Forgets the messages (not the reports: a reader's cursor stays valid, as a provider's report queue does). */
    synchronized int clear() {
        int n = messages.size();
        messages.clear();
        index.clear();
        pending.clear();
        try {
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private void append(Path target, List<?> records) {
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (Object r : records) {
                w.write(mapper.writeValueAsString(r));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    }

    private <T> T read(String line, Class<T> type, Path from) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(line, type);
        } catch (IOException e) {
            System.err.println("sms-gateway: skipping unreadable line of " + from + ": " + e.getMessage());
            return null;
        }
    }
}
