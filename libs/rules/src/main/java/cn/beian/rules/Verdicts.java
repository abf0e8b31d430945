package cn.beian.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a {@link Check} reports while judging one rule: each failed or undetermined field with its arguments. */
public final class Verdicts {

    /**
     * One verdict.
     *
     * @param args values for the rule's message placeholders ({@code {domain}}, {@code {mobile}}); personal data
     *             masked by the check
     * @param reason why it could not be judged (undetermined only)
     */
    public record Verdict(String fieldKey, Outcome outcome, Map<String, String> args, String reason) {
    }

    private final List<Verdict> verdicts = new ArrayList<>();

    public void fail(String fieldKey) {
        fail(fieldKey, Map.of());
    }

    public void fail(String fieldKey, Map<String, String> args) {
        verdicts.add(new Verdict(fieldKey, Outcome.FAILED, Map.copyOf(args), null));
    }

    public void undetermined(String fieldKey, String reason) {
        verdicts.add(new Verdict(fieldKey, Outcome.UNDETERMINED, Map.of(), reason));
    }

    public List<Verdict> all() {
        return List.copyOf(verdicts);
    }
}
