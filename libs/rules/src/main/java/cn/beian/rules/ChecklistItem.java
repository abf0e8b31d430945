package cn.beian.rules;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.FilingType;
import java.util.List;
import java.util.Set;

/**
 * One human row as data ({@code rules/checklist.yaml}): what a reviewer must look at and tick or fail with a reason.
 *
 * @param id          the catalogue id
 * @param provinces   where it holds; empty for every province
 * @param appliesTo   persons, units or both
 * @param filingTypes the filing types it concerns; empty for every type
 * @param item        what to check, in both languages
 * @param source      where the rule comes from
 * @param covers      other catalogue ids this item implements too
 */
public record ChecklistItem(String id, Set<Province> provinces, AppliesTo appliesTo, Set<FilingType> filingTypes,
        Text item, String source, List<String> covers) {

    public ChecklistItem {
        provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
        filingTypes = filingTypes == null ? Set.of() : Set.copyOf(filingTypes);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }
}
