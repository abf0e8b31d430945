package cn.beian.rules.conditions;

import cn.beian.contract.order.FilingType;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Website;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The domains a count looks at ({@code scope}): {@code WEBSITE} (the website asked about; for the subject, each website
 * on its own), {@code ORDER} (every website of this order) or {@code SUBJECT} (this order's and the subject's websites
 * already on record, from {@link Facts#existingSites()} and {@link Facts#recordedWebsites()}).
 */
final class SubjectDomains {

    enum Scope {
        WEBSITE, ORDER, SUBJECT
    }

    private SubjectDomains() {
    }

    static Scope scope(String name, Scope otherwise) {
        try {
            return name == null ? otherwise : Scope.valueOf(name);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    static Set<String> of(List<Website> websites) {
        Set<String> out = new LinkedHashSet<>();
        for (Website w : websites) {
            w.domains().stream().filter(d -> d != null && !d.isBlank())
                    .forEach(d -> out.add(d.strip().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The subject's domains on record outside this order; {@code null} when not known (none on a first filing). */
    static Set<String> onRecord(OrderDocument order, Facts facts) {
        if (order.type() == FilingType.FIRST_FILING) {
            return Set.of();
        }
        if (facts == null || (facts.existingSites() == null && facts.recordedWebsites() == null)) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        if (facts.existingSites() != null) {
            facts.existingSites().stream().filter(s -> s != null && s.domain() != null)
                    .forEach(s -> out.add(s.domain().strip().toLowerCase(Locale.ROOT)));
        }
        if (facts.recordedWebsites() != null) {
            facts.recordedWebsites().stream().filter(r -> r != null && r.domains() != null)
                    .flatMap(r -> r.domains().stream()).filter(d -> d != null && !d.isBlank())
                    .forEach(d -> out.add(d.strip().toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
