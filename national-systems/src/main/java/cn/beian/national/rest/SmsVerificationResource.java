package cn.beian.national.rest;

import cn.beian.national.client.Reason;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.service.FeedNotifier;
import cn.beian.national.service.SmsCodeVerification;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a principal enters the SMS code (the administration's public site: no Beian token). A wrong code is
 * counted; one more than allowed returns the submission to the provider.
 */
@Path("/")
@PermitAll
@Tag(name = "SMS verification", description = "Principals verify the codes texted to them (public, like the MIIT site)")
public class SmsVerificationResource {

    private final SmsCodeVerification verification;
    private final FeedNotifier notifier;

    public SmsVerificationResource(SmsCodeVerification verification, FeedNotifier notifier) {
        this.verification = verification;
        this.notifier = notifier;
    }

    @POST
    @Path("api/v1/sms-verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifySmsCode", summary = "A principal enters the 6-digit code texted to their mobile")
    @APIResponse(responseCode = "200", description = "Verified; allVerified when the submission is now under review",
            content = @Content(schema = @Schema(implementation = SmsCodeVerifiedView.class)))
    @APIResponse(responseCode = "400", description = "Wrong code (remainingAttempts says how many more are allowed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No verification pending for this mobile (unknown, done or expired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many wrong codes: the submission was returned (SMS_NOT_VERIFIED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SmsCodeVerifiedView> verify(@Valid @NotNull VerifySmsCodeRequest request) {
        return verification.verify(request.mobile(), request.code()).map(r -> {
            if (r.allVerified() || r.returned()) {
                notifier.wake();
            }
            if (r.status() == SmsCodeVerification.VerifyStatus.VERIFIED) {
                return new SmsCodeVerifiedView("VERIFIED", r.allVerified(), r.remainingAttempts());
            }
            if (r.returned()) {
                throw ProblemException.localized(ProblemType.CONFLICT, "detail.sms-code-wrong-too-often")
                        .with("currentState", SubmissionStatus.RETURNED).with("reason", Reason.SMS_NOT_VERIFIED)
                        .with("remainingAttempts", 0);
            }
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.sms-code-wrong",
                    List.of(FieldViolation.of("code", "SMS_CODE_WRONG", "field.sms-code-wrong-attempts-left",
                            String.valueOf(r.remainingAttempts()))))
                    .with("remainingAttempts", r.remainingAttempts());
        });
    }

    @GET
    @Path("sms-verify")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "smsVerificationPage", summary = "A minimal page where a principal enters the code")
    public String page() {
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>ICP备案短信核验</title>
                <style>body{font-family:sans-serif;max-width:28em;margin:3em auto}input,button{font-size:1.1em;margin:.3em 0;width:100%}</style>
                </head><body>
                <h1>ICP备案短信核验</h1>
                <p>请输入收到核验短信的手机号和 6 位核验码（24 小时内有效）。</p>
                <form id="f">
                  <label>手机号 <input id="mobile" inputmode="numeric" required pattern="(\\+86)?1[3-9][0-9]{9}"></label>
                  <label>核验码 <input id="code" inputmode="numeric" required pattern="[0-9]{6}"></label>
                  <button>提交核验</button>
                </form>
                <p id="out" role="status"></p>
                <script>
                document.getElementById('f').addEventListener('submit', async e => {
                  e.preventDefault();
                  const r = await fetch('/api/v1/sms-verifications', {method: 'POST',
                    headers: {'Content-Type': 'application/json', 'Accept-Language': 'zh-CN'},
                    body: JSON.stringify({mobile: mobile.value.trim(), code: code.value.trim()})});
                  const b = await r.json();
                  out.textContent = r.ok ? (b.allVerified ? '核验成功，备案已提交管局审核。' : '核验成功，等待其他负责人核验。')
                    : (b.detail || b.title) + (b.remainingAttempts !== undefined ? '（剩余 ' + b.remainingAttempts + ' 次）' : '');
                });
                </script>
                </body></html>
                """;
    }
}
