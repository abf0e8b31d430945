package cn.beian.platform.problem;

import cn.beian.platform.http.AcceptLanguages;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words Beian answers with, one bundle per language: a service's own {@code messages.properties} (zh-CN, the
 * default) and {@code messages_en.properties} at its classpath root, over the platform's
 * {@code cn/beian/platform/problem/messages*.properties}. The language is the request's {@code Accept-Language}
 * ({@link AcceptLanguages}: English where asked for, zh-CN otherwise and outside a request, e.g. in a consumer).
 * Texts are {@link MessageFormat} patterns; a key no bundle has answers itself, so a missing entry shows, not fails.
 */
@ApplicationScoped
public class Messages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, ResourceBundle[]> BUNDLES = new ConcurrentHashMap<>();

    /** This request's words for {@code key}. */
    public String get(String key, Object... args) {
        return text(english(), key, args);
    }

    /** Whether the current request asked for English. */
    public boolean english() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return false;
        }
        RoutingContext rc = arc.instance(CurrentVertxRequest.class).get().getCurrent();
        return rc != null && AcceptLanguages.english(rc.request().getHeader("Accept-Language"));
    }

    /** The words for {@code key} in English or zh-CN (an entry missing in English falls back to zh-CN). */
    public static String text(boolean english, String key, Object... args) {
        String pattern = find(english, key);
        if (pattern == null && english) {
            pattern = find(false, key);
        }
        if (pattern == null) {
            return key;
        }
        // Always a MessageFormat, arguments or not, so that a quote is written the same way ('') in every entry.
        return new MessageFormat(pattern, english ? Locale.ENGLISH : Locale.CHINA).format(args);
    }

    /** The entry for {@code key} in exactly that language, or null. */
    static String find(boolean english, String key) {
        for (ResourceBundle bundle : bundles(english)) {
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private static ResourceBundle[] bundles(boolean english) {
        // messages_en is a bundle of its own (base name with the suffix), so that it never inherits zh-CN entries.
        String suffix = english ? "_en" : "";
        return BUNDLES.computeIfAbsent(suffix, s -> new ResourceBundle[] {load("messages" + s),
                load("cn.beian.platform.problem.messages" + s)});
    }

    /**
     * The bundles are loaded once and kept, so not through the calling thread's context class loader: the first
     * caller may be a Kafka or scheduler thread whose loader does not see the service's resources, and a bundle
     * missed then would stay missed. The platform's own loader is the application's, which sees them all.
     */
    private static ResourceBundle load(String name) {
        try {
            return ResourceBundle.getBundle(name, Locale.ROOT, Messages.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
