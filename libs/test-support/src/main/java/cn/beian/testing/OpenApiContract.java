package cn.beian.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every answer a module test receives (through {@link TestTokens#as}) against the service's own OpenAPI
 * document, as the running application serves it at {@code /q/openapi}: a body that does not match the schema its
 * status documents fails the test. Requests are not checked (tests send bad ones on purpose), nor are statuses the
 * document does not list (problems of every kind may answer any operation; their shape is the platform's).
 */
public final class OpenApiContract {

    private static final Map<Integer, Filter> BY_PORT = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    /** The filter for the application under test (one per port: Quarkus may restart it between test classes). */
    public static Filter filter() {
        return BY_PORT.computeIfAbsent(RestAssured.port, port -> {
            String document = RestAssured.given().queryParam("format", "json").get("/q/openapi").asString();
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            return new OpenApiValidationFilter(validator);
        });
    }
}
