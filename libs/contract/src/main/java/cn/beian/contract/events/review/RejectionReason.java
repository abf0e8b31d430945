package cn.beian.contract.events.review;

/**
 * Why a reviewer or the administration refused part of an order, as the applicant sees it next to the field.
 *
 * @param fieldKey   the field in the snapshot's terms, e.g. {@code websites[0].name} or {@code subject.principal.mobile}
 * @param code       a reason code from review-service's documented list
 * @param suggestion what to change, in the applicant's language
 */
public record RejectionReason(String fieldKey, String code, String suggestion) {

    /** One line for histories and logs: {@code fieldKey: code — suggestion}. */
    public String summary() {
        return (fieldKey == null ? "" : fieldKey + ": ") + code + (suggestion == null ? "" : " — " + suggestion);
    }
}
