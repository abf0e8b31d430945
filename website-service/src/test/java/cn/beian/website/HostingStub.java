package cn.beian.website;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import cn.beian.contract.events.snapshot.ServerLink;
import cn.beian.contract.privacy.Masking;
import cn.beian.website.service.HostingApi;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.UUID;

/** subject-service's hosting endpoint as the module tests need it: every server id and code resolves. */
final class HostingStub {

    static final String IP = "203.0.113.10";

    private HostingStub() {
    }

    /** Every server id resolves to a server with {@link #IP} expiring a year after {@code now}; every code too. */
    static void resolvesEverything(HostingApi api, OffsetDateTime now) {
        doAnswer(inv -> {
            HostingApi.Request r = inv.getArgument(2);
            return Uni.createFrom().item(new HostingApi.Resolved(
                    r.serverIds().stream().map(id -> new ServerLink(id, IP, now.plusYears(1), null, null)).toList(),
                    r.authorizationCodes().stream().map(c -> new ServerLink(UUID.nameUUIDFromBytes(c.getBytes())
                            .toString(), IP, now.plusYears(1),
                            UUID.nameUUIDFromBytes(("code " + c).getBytes()).toString(), Masking.secret(c))).toList()));
        }).when(api).settle(anyString(), any(), any());
    }
}
