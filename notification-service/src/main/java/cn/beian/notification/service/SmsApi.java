package cn.beian.notification.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A Dysms-shaped SMS HTTP API (the local stand-in speaks it; a provider's adapter can too). */
@RegisterRestClient(configKey = "sms")
@Path("/api/v1/sms")
public interface SmsApi {

    @POST
    @Path("/send")
    Uni<SendResponse> send(@HeaderParam("Authorization") String authorization, SendRequest request);

    record SendRequest(List<String> phoneNumbers, String signName, String templateCode,
            Map<String, String> templateParam, String text, String outId) {
    }

    record SendResponse(String code, String message, String requestId, String bizId, List<String> messageIds) {
    }

    /** The messages the provider accepted for a number with this {@code outId} (Dysms: QuerySendDetails). */
    @GET
    @Path("/messages")
    Uni<List<SentMessage>> sent(@HeaderParam("Authorization") String authorization, @QueryParam("phone") String phone,
            @QueryParam("outId") String outId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SentMessage(String id, String outId) {
    }

    /**
     * Delivery reports after a cursor, in arrival order (Dysms hands them to a report queue, MNS SmsReport; the
     * stand-in keeps them in a log read after a cursor).
     */
    @GET
    @Path("/reports")
    Uni<ReportPage> reports(@HeaderParam("Authorization") String authorization, @QueryParam("after") String after,
            @QueryParam("limit") int limit);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportPage(List<Report> reports, String next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String cursor, String messageId, String outId, String phone, String status, String errorCode,
            java.time.Instant reportedAt) {
    }
}
