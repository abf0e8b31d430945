package cn.beian.rules;

/**
 * One explained judgement of an order by a catalogue rule, in the caller's language.
 *
 * @param ruleId     the catalogue id
 * @param fieldKey   a JSON path into the order as the applicant edits it; {@code null} for the whole order
 * @param severity   what it weighs
 * @param outcome    broken, or not judged for want of a fact
 * @param message    what is wrong (or, undetermined, what could not be judged and why)
 * @param suggestion what to do about it
 */
public record RuleFinding(String ruleId, String fieldKey, Severity severity, Outcome outcome, String message,
        String suggestion) {

    public boolean blocks() {
        return severity == Severity.BLOCKS && outcome == Outcome.FAILED;
    }
}
