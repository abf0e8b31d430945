package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DISTINCT_PREFIXES_ABOVE}: more than {@code count} distinct domain prefixes (the label before the public
 * suffix: {@code example} in {@code www.example.com.cn}) in {@code scope} ({@code SUBJECT} by default, as
 * {@link DomainCountAtLeast}). Domains that do not parse are not counted.
 */
final class DistinctPrefixesAbove implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        int count = Params.integer(params, "count", Integer.MAX_VALUE);
        SubjectDomains.Scope scope = SubjectDomains.scope(Params.text(params, "scope", null),
                SubjectDomains.Scope.SUBJECT);
        if (scope == SubjectDomains.Scope.WEBSITE) {
            return Sites.any(order, website, w -> prefixes(SubjectDomains.of(List.of(w))).size() > count);
        }
        Set<String> here = prefixes(SubjectDomains.of(order.websites().stream().filter(w -> w != null).toList()));
        if (here.size() > count || scope == SubjectDomains.Scope.ORDER) {
            return here.size() > count;
        }
        Set<String> known = SubjectDomains.onRecord(order, facts);
        if (known == null) {
            return null;
        }
        here.addAll(prefixes(known));
        return here.size() > count;
    }

    static Set<String> prefixes(Set<String> domains) {
        Set<String> out = new HashSet<>();
        for (String d : domains) {
            Optional<ParsedDomain> p = DomainNames.parse(d).domain();
            p.map(ParsedDomain::prefix).ifPresent(out::add);
        }
        return out;
    }
}
