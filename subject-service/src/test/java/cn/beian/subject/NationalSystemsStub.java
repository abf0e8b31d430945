package cn.beian.subject;

import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.FeedPage;
import cn.beian.national.client.InFlightCheckRequest;
import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.SubjectLookupRequest;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionView;
import io.quarkus.test.Mock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The national registry as the module tests meet it unless a test scripts it ({@code @InjectMock}): nothing is filed
 * and nothing in flight anywhere, so every new filing is decided a first filing; everything else is unreachable.
 */
@Mock
@ApplicationScoped
@RestClient
public class NationalSystemsStub implements NationalSystemsClient {

    @Override
    public Uni<SubjectFiling> findSubject(SubjectLookupRequest request) {
        return Uni.createFrom().failure(new NotFoundException());
    }

    @Override
    public Uni<SubjectFiling> subjectByFilingNumber(String subjectFilingNumber) {
        return Uni.createFrom().failure(new NotFoundException());
    }

    @Override
    public Uni<DomainFiling> websiteByFilingNumber(String websiteFilingNumber) {
        return Uni.createFrom().failure(new NotFoundException());
    }

    @Override
    public Uni<DomainFiling> filingByDomain(String domain) {
        return Uni.createFrom().failure(new NotFoundException());
    }

    @Override
    public Uni<InFlightReport> inFlight(InFlightCheckRequest request) {
        return Uni.createFrom().item(new InFlightReport(false, false, List.of()));
    }

    @Override
    public Uni<PasswordCheckResult> checkPassword(PasswordCheckRequest request) {
        return unreachable();
    }

    @Override
    public Uni<DomainRegistration> domainRegistration(String domain) {
        return Uni.createFrom().failure(new NotFoundException());
    }

    @Override
    public Uni<RestResponse<SubmissionView>> submit(SubmissionRequest request) {
        return unreachable();
    }

    @Override
    public Uni<SubmissionView> submission(String submissionId) {
        return unreachable();
    }

    @Override
    public Uni<FeedPage> feed(long after, Integer limit, Integer waitSeconds) {
        return unreachable();
    }

    private static <T> Uni<T> unreachable() {
        return Uni.createFrom().failure(new ProcessingException("the national systems are not part of this test"));
    }
}
