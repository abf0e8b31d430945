package cn.beian.notification.rest;

import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.DeliveryStatus;
import cn.beian.notification.service.DeliveryService;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log: applicants read their own messages, admins everyone's. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "SMS and e-mail sent about orders, with their status")
@RolesAllowed({Roles.APPLICANT, Roles.ADMIN})
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final CurrentAccount account;

    public DeliveryResource(DeliveryService deliveries, CurrentAccount account) {
        this.deliveries = deliveries;
        this.account = account;
    }

    @GET
    @Operation(operationId = "listDeliveries", summary = "Messages in creation order (own account's for applicants), "
            + "addresses masked")
    @APIResponse(responseCode = "400", description = "A filter is invalid (each bad field named)")
    public Uni<Page<DeliveryView>> list(
            @QueryParam("orderId") String orderId,
            @QueryParam("status") String status,
            @QueryParam("channel") String channel,
            @QueryParam("accountId") String accountId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        List<FieldViolation> errors = new ArrayList<>();
        if (orderId != null && !isUuid(orderId)) {
            errors.add(FieldViolation.of("orderId", "INVALID_ID", "field.order-id-not-uuid"));
        }
        DeliveryStatus s = parse(DeliveryStatus.class, "status", status, errors);
        Channel c = parse(Channel.class, "channel", channel, errors);
        boolean admin = account.hasRole(Roles.ADMIN);
        if (accountId != null && !admin) {
            errors.add(FieldViolation.of("accountId", "NOT_ALLOWED", "field.account-filter-admins-only"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.filters-invalid", errors);
        }
        Cursor after = Cursor.decode(cursor);
        String owner = admin ? accountId : account.id();
        return deliveries.page(owner, orderId, s, c, after, limit + 1).map(rows -> Cursor.page(rows, limit,
                d -> new Cursor(d.createdAt, d.id.toString()), DeliveryView::summary));
    }

    @GET
    @Path("/{deliveryId}")
    @Operation(operationId = "getDelivery", summary = "One message with its text; another account's is a 404")
    @APIResponse(responseCode = "404", description = "No such message, or not yours")
    public Uni<DeliveryView> get(@PathParam("deliveryId") String deliveryId) {
        UUID id = Ids.parseOrNotFound(deliveryId, "Delivery");
        boolean admin = account.hasRole(Roles.ADMIN);
        String me = account.id();
        return deliveries.get(id, admin ? null : me)
                .map(d -> DeliveryView.detail(d, me.equals(d.accountId)));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldViolation> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(FieldViolation.of(field, "UNKNOWN_VALUE", "field.filter-one-of", field,
                    Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
