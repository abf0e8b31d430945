package cn.beian.rules.checks;

import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * The principals of an order with their field keys: the subject principal ({@code subject.principal}) and each
 * website's own principal ({@code websites[i].principal}) where it is not the subject principal.
 */
public final class Principals {

    /** A principal and the field key of its record. */
    public record Named(String key, Person person) {
    }

    /** Which principals a rule concerns ({@code who} parameter). */
    public enum Who {
        SUBJECT_PRINCIPAL, WEBSITE_PRINCIPALS, ALL_PRINCIPALS
    }

    private Principals() {
    }

    public static List<Named> of(OrderDocument order, Who who) {
        List<Named> out = new ArrayList<>();
        if (who != Who.WEBSITE_PRINCIPALS && order.subject() != null && order.subject().principal() != null) {
            out.add(new Named("subject.principal", order.subject().principal()));
        }
        if (who != Who.SUBJECT_PRINCIPAL) {
            for (int i = 0; i < order.websites().size(); i++) {
                OrderDocument.Website w = order.websites().get(i);
                if (w != null && w.principal() != null && !Boolean.TRUE.equals(w.principalSameAsSubject())) {
                    out.add(new Named("websites[" + i + "].principal", w.principal()));
                } else if (who == Who.WEBSITE_PRINCIPALS && order.subject() != null
                        && order.subject().principal() != null) {
                    // The subject principal acts as this website's principal.
                    out.add(new Named("subject.principal", order.subject().principal()));
                }
            }
        }
        return out.stream().distinct().toList();
    }
}
