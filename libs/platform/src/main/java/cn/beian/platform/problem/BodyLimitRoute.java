package cn.beian.platform.problem;

import cn.beian.platform.http.AcceptLanguages;
import cn.beian.platform.http.EdgeRoute;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over {@code beian.http.max-body-size} with a 413 problem, before
 * a byte of it is read (with {@code Expect: 100-continue} the client never even sends it). A chunked body without
 * {@code Content-Length} is counted while {@link EdgeRoute} reads it, with the same 413 problem.
 */
@ApplicationScoped
public class BodyLimitRoute {

    private final long limit;

    public BodyLimitRoute(@ConfigProperty(name = "beian.http.max-body-size", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null && tooLarge(declared)) {
            boolean en = AcceptLanguages.english(ctx.request().getHeader("Accept-Language"));
            EdgeRoute.refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                    Messages.text(en, "detail.body-too-large", String.valueOf(limit)), List.of(),
                    Map.of("maxBytes", limit), true);
            return;
        }
        ctx.next();
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
