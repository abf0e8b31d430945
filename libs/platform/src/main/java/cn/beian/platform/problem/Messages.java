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

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale CHINESE = Locale.ROOT;
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, ResourceBundle[]> BUNDLES = new ConcurrentHashMap<>();

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

    /** The words for {@code key} in English or zh-CN. */
    public static String text(boolean english, String key, Object... args) {
        for (ResourceBundle bundle : bundles(english ? ENGLISH : CHINESE)) {
            if (bundle != null && bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, english ? ENGLISH : Locale.CHINA)
                        .format(args);
            }
        }
        return key;
    }

    private static ResourceBundle[] bundles(Locale locale) {
        return BUNDLES.computeIfAbsent(locale, l -> new ResourceBundle[] {load("messages", l),
                load("cn.beian.platform.problem.messages", l)});
    }

    private static ResourceBundle load(String name, Locale locale) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return ResourceBundle.getBundle(name, locale, loader == null ? Messages.class.getClassLoader() : loader,
                    NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
