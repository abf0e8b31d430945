package cn.beian.contract.events.snapshot;

import cn.beian.contract.privacy.Masking;
import java.util.Locale;

/**
 * One field a CHANGE order changes, before (as approved) and after (as the order files it), for the reviewer's diff.
 * Personal data is masked here, at the source, as in every list (certificate numbers, phones, e-mails): the reviewer
 * holding the case reads the new values in full in the snapshot itself.
 *
 * @param field  the field key, a JSON path into the order as the applicant edits it ({@code subject.principal.mobile},
 *               {@code websites[0].domains}); lists are compared whole
 * @param before the approved value as text ({@code null} when it had none)
 * @param after  the value as the order files it ({@code null} when it has none)
 */
public record FieldChange(String field, String before, String after) {

    /** A change of {@code field}, its values masked where the field holds personal data. */
    public static FieldChange of(String field, String before, String after) {
        return new FieldChange(field, mask(field, before), mask(field, after));
    }

    /** Masks a value by the last segment of its field key, as {@link Masking} does for lists and logs. */
    static String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        String leaf = field.substring(field.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (leaf.endsWith("certificatenumber")) {
            return Masking.certificateNumber(value);
        }
        if (leaf.equals("mobile") || leaf.endsWith("phone")) {
            return Masking.mobile(value);
        }
        if (leaf.equals("email") || leaf.endsWith("email")) {
            return Masking.email(value);
        }
        if (leaf.equals("authorizationcodes")) {
            // A list joined with ", ": each code is the server owner's secret.
            return String.join(", ", java.util.Arrays.stream(value.split(", ")).map(Masking::secret).toList());
        }
        return value;
    }
}
