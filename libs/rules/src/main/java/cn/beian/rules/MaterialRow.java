package cn.beian.rules;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.FilingType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One material row as data ({@code rules/materials.yaml}): a document an order needs in a province, when it needs it,
 * who signs or seals it, and the instruction shown to the applicant.
 *
 * @param id          the catalogue id
 * @param provinces   where it holds; empty for every province
 * @param appliesTo   persons, units or both
 * @param filingTypes the filing types that need it; empty for every type
 * @param material    the material kind uploaded for it (as materials-service names kinds)
 * @param owner       whose document it is: {@code SUBJECT} or {@code EACH_WEBSITE}
 * @param when        the condition that makes it required (a {@link Condition} name and its parameters); {@code null}
 *                    when always
 * @param preparedBy  who signs, seals or fingerprints it
 * @param instruction what the applicant must do, in both languages
 * @param source      where the rule comes from
 * @param covers      other catalogue ids this row implements too
 */
public record MaterialRow(String id, Set<Province> provinces, AppliesTo appliesTo, Set<FilingType> filingTypes,
        String material, String owner, When when, Text preparedBy, Text instruction, String source,
        List<String> covers) {

    public MaterialRow {
        provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
        filingTypes = filingTypes == null ? Set.of() : Set.copyOf(filingTypes);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /** A condition by name with its parameters. */
    public record When(String condition, Map<String, Object> params) {
    }
}
