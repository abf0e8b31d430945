package cn.beian.website.service;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.rules.ChecklistItem;
import cn.beian.rules.MaterialRow;
import cn.beian.rules.Rule;
import cn.beian.rules.RuleBook;
import cn.beian.time.BeianClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a province requires of a person or unit for a filing type, today: the catalogue's rows as data. */
@ApplicationScoped
public class RuleCatalogueService {

    /** The rows that hold for one province, nature and filing type. */
    public record Requirements(Province province, SubjectNature nature, FilingType type, List<Rule> rules,
            List<MaterialRow> materials, List<ChecklistItem> checklist) {
    }

    private final BeianClock clock;
    private final RuleBook book = RuleBook.standard();

    public RuleCatalogueService(BeianClock clock) {
        this.clock = clock;
    }

    /** The query's values by name; an unknown or missing province or nature is a 400, never an empty answer. */
    public Requirements requirements(String province, String nature, String type) {
        List<FieldViolation> errors = new ArrayList<>();
        Province p = parse(Province.class, province, "province", "field.province-required", "field.province-unknown",
                errors);
        SubjectNature n = parse(SubjectNature.class, nature, "nature", "field.nature-required",
                "field.nature-unknown", errors);
        FilingType t = type == null || type.isBlank() ? FilingType.FIRST_FILING
                : parse(FilingType.class, type, "type", null, "field.filing-type-unknown", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        LocalDate today = LocalDate.now(clock);
        return new Requirements(p, n, t,
                book.rules().stream().filter(r -> r.appliesTo(p, n, t, today)).toList(),
                book.materials().stream().filter(m -> (m.provinces().isEmpty() || m.provinces().contains(p))
                        && m.appliesTo().to(n) && (m.filingTypes().isEmpty() || m.filingTypes().contains(t)))
                        .toList(),
                book.checklist().stream().filter(c -> (c.provinces().isEmpty() || c.provinces().contains(p))
                        && c.appliesTo().to(n) && (c.filingTypes().isEmpty() || c.filingTypes().contains(t)))
                        .toList());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String requiredKey,
            String unknownKey, List<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldViolation.of(field, "REQUIRED", requiredKey));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldViolation.of(field, "UNKNOWN_VALUE", unknownKey, raw.length() > 40
                    ? raw.substring(0, 40) : raw));
            return null;
        }
    }
}
