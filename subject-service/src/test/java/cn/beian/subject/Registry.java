package cn.beian.subject;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.NationalSystemsClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/** Stubs of the administration's registry (the national stand-in's client) for subject-service's tests. */
final class Registry {

    private Registry() {
    }

    /** The registry holds no subject and no domain, and nothing is in flight at another provider. */
    static void knowsNothing(NationalSystemsClient national) {
        when(national.subjectByCertificate(any(), anyString()))
                .thenReturn(Uni.createFrom().failure(new NotFoundException()));
        when(national.filingByDomain(anyString())).thenReturn(Uni.createFrom().failure(new NotFoundException()));
        when(national.inFlight(any())).thenReturn(Uni.createFrom().item(new InFlightReport(false, false, List.of())));
    }
}
