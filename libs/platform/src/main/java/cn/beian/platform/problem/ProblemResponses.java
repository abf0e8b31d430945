package cn.beian.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Every service's OpenAPI document says what its errors look like: each 4xx/5xx response an operation lists without
 * a body (Quarkus adds 401 and 403 to every secured operation that way) answers a problem document, and the
 * {@code Problem} schema admits the extension members problems carry ({@code currentState}, {@code orderId} …), as
 * RFC 9457 allows. Registered for every service by the platform's {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Schema problem = api.getComponents().getSchemas() == null ? null
                : api.getComponents().getSchemas().get("Problem");
        if (problem == null) {
            // A service none of whose operations names Problem: the same shape, written out.
            problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .addProperty("type", string()).addProperty("title", string())
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                    .addProperty("detail", string()).addProperty("instance", string())
                    .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                    .addProperty("field", string()).addProperty("code", string())
                                    .addProperty("message", string()).addProperty("rule", string())));
            api.getComponents().addSchema("Problem", problem);
        }
        problem.setAdditionalPropertiesBoolean(Boolean.TRUE);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                return;
            }
            op.getResponses().getAPIResponses().forEach((status, response) -> {
                boolean error = status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
                if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema()
                                    .ref("#/components/schemas/Problem"))));
                }
            });
        }));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
