package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code DOMAIN_COUNT_AT_LEAST}: at least {@code count} distinct domains in {@code scope} ({@code WEBSITE},
 * {@code ORDER} — the default — or {@code SUBJECT}; see {@link SubjectDomains}). For {@code SUBJECT}, unknown when
 * this order alone stays below the count and the subject's domains on record are not known.
 */
final class DomainCountAtLeast implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        int count = Params.integer(params, "count", Integer.MAX_VALUE);
        return switch (SubjectDomains.scope(Params.text(params, "scope", null), SubjectDomains.Scope.ORDER)) {
            case WEBSITE -> Sites.any(order, website, w -> SubjectDomains.of(List.of(w)).size() >= count);
            case ORDER -> SubjectDomains.of(order.websites().stream().filter(w -> w != null).toList()).size() >= count;
            case SUBJECT -> {
                Set<String> here = SubjectDomains.of(order.websites().stream().filter(w -> w != null).toList());
                if (here.size() >= count) {
                    yield true;
                }
                Set<String> known = SubjectDomains.onRecord(order, facts);
                if (known == null) {
                    yield null;
                }
                here.addAll(known);
                yield here.size() >= count;
            }
        };
    }
}
