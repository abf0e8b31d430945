package cn.beian.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The stack's service logs ({@code $BEIAN_DATA/logs/<service>.log}, as bin/services writes them). */
public final class ServiceLogs {

    /** Beian's own services and the national stand-in; not the infrastructure's stand-ins (SMS, mail). */
    private static final List<String> SERVICES = List.of("subject-service", "website-service", "materials-service",
            "review-service", "notification-service", "national-systems");

    private ServiceLogs() {
    }

    public static Path directory() {
        String data = System.getenv("BEIAN_DATA");
        return (data == null || data.isBlank() ? Path.of("..", ".data") : Path.of(data)).resolve("logs");
    }

    /** Every line of every service's log (its replicas' too) that contains one of {@code needles}, named by file. */
    public static List<String> linesContaining(String... needles) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(ServiceLogs::isServiceLog).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    for (String needle : needles) {
                        if (line.contains(needle)) {
                            found.add(file.getFileName() + ": " + line);
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the stack's logs are not readable at " + directory(), e);
        }
        return found;
    }

    /** How many service log files there are (a check that reads none proves nothing). */
    public static long count() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(ServiceLogs::isServiceLog).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isServiceLog(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".log") && SERVICES.stream().anyMatch(name::startsWith);
    }
}
