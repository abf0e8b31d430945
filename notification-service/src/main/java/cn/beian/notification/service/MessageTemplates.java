package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Channel;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The message texts: Qute templates kept as plain files, one per message kind, channel and language
 * ({@code messages/<locale>/<kind>.<channel>.txt}, zh-CN first, {@code en} available), so that non-programmers
 * can edit them (see {@code messages/README.md}). An e-mail template's first line is the subject. SMS also name
 * the provider template code registered for them ({@code messages/sms-templates.properties}), because Chinese SMS
 * providers send registered templates with parameters, not free text. A directory set in
 * {@code beian.notification.templates-dir} overrides the packaged files.
 */
@ApplicationScoped
public class MessageTemplates {

    public static final String DEFAULT_LOCALE = "zh-CN";

    /** A rendered message. {@code subject} is null for SMS; {@code smsTemplateCode} null for e-mail. */
    public record Rendered(String subject, String body, String smsTemplateCode, Map<String, String> smsParams) {
    }

    private final Optional<Path> overrides;
    private final Engine engine;
    private final Properties smsCodes = new Properties();

    public MessageTemplates(NotificationConfig config) {
        this.overrides = config.templatesDir().map(Path::of);
        this.engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addLocator(this::locate).build();
        try (Reader r = open("sms-templates.properties")
                .orElseThrow(() -> new IllegalStateException("messages/sms-templates.properties is missing"))) {
            smsCodes.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders {@code kind} for {@code channel} in {@code locale} (falling back to zh-CN where it has no file). */
    public Rendered render(String kind, Channel channel, String locale, Map<String, Object> params) {
        Template template = template(kind, channel, locale);
        String text = template.render(params).strip();
        if (channel == Channel.EMAIL) {
            int nl = text.indexOf('\n');
            String subject = nl < 0 ? text : text.substring(0, nl).strip();
            String body = nl < 0 ? "" : text.substring(nl + 1).strip() + "\n";
            return new Rendered(subject, body, null, Map.of());
        }
        String code = smsCodes.getProperty(kind);
        if (code == null) {
            throw new IllegalStateException("No SMS template code for " + kind + " in sms-templates.properties");
        }
        return new Rendered(null, text.replaceAll("\\s*\\n\\s*", " "), code, smsParams(params));
    }

    /** Whether a template exists for this kind and channel (in the default language at least). */
    public boolean exists(String kind, Channel channel) {
        return engine.getTemplate(id(DEFAULT_LOCALE, kind, channel)) != null;
    }

    private Template template(String kind, Channel channel, String locale) {
        Template t = engine.getTemplate(id(locale, kind, channel));
        if (t == null) {
            t = engine.getTemplate(id(DEFAULT_LOCALE, kind, channel));
        }
        if (t == null) {
            throw new IllegalStateException("No template " + id(DEFAULT_LOCALE, kind, channel));
        }
        return t;
    }

    /** The provider template's parameters: the plain values (lists and nested data stay in e-mail). */
    private static Map<String, String> smsParams(Map<String, Object> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    private static String id(String locale, String kind, Channel channel) {
        return locale + "/" + kind + "." + channel.name().toLowerCase() + ".txt";
    }

    private Optional<TemplateLocation> locate(String id) {
        return open(id).map(reader -> new TemplateLocation() {
            @Override
            public Reader read() {
                return reader;
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(null, Variant.TEXT_PLAIN, StandardCharsets.UTF_8.name()));
            }
        });
    }

    private Optional<Reader> open(String name) {
        if (name.contains("..")) {
            return Optional.empty();
        }
        try {
            if (overrides.isPresent()) {
                Path p = overrides.get().resolve(name);
                if (Files.isRegularFile(p)) {
                    return Optional.of(new StringReader(Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("messages/" + name);
            if (in == null) {
                in = MessageTemplates.class.getClassLoader().getResourceAsStream("messages/" + name);
            }
            return in == null ? Optional.empty()
                    : Optional.of(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
