package cn.beian.national.rest;

import cn.beian.national.client.Reason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The authority's reasons for rejecting a submission now. */
public record RejectSubmissionRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Reason> reasons) {
}
