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
import java.util.List;
import java.util.Optional;

/** Messages in memory, persisted as JSON lines (one {@link SmsMessage} per line) so a restart keeps them. */
final class SmsStore {

    private final Path file;
    private final ObjectMapper mapper;
    private final List<SmsMessage> messages = new ArrayList<>();

    SmsStore(Path file, ObjectMapper mapper) throws IOException {
        this.file = file;
        this.mapper = mapper;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    messages.add(mapper.readValue(line, SmsMessage.class));
                } catch (IOException e) {
                    System.err.println("sms-gateway: skipping unreadable line " + lineNo + " of " + file + ": " + e.getMessage());
                }
            }
        }
    }

    synchronized void addAll(List<SmsMessage> batch) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (SmsMessage m : batch) {
                w.write(mapper.writeValueAsString(m));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        messages.addAll(batch);
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

    synchronized Optional<SmsMessage> get(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    synchronized int clear() {
        int n = messages.size();
        messages.clear();
        try {
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
