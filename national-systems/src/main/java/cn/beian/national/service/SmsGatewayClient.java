package cn.beian.national.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The SMS provider (locally the local-stack's stand-in): {@code POST /api/v1/sms/send}. */
@RegisterRestClient(configKey = "sms-gateway")
@Path("/api/v1/sms")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${beian.sms.api-key}")
public interface SmsGatewayClient {

    @POST
    @Path("/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonObject> send(SendRequest request);

    /** Aliyun-style send request. */
    record SendRequest(List<String> phoneNumbers, String signName, String templateCode,
            Map<String, String> templateParam, String text, String outId) {
    }
}
