package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;
import java.util.function.Function;

/**
 * Every condition {@code materials.yaml} may name (when a material is required), each with its parameters documented
 * on its class. They never throw on odd input; {@code null} means "cannot be judged from this order and facts".
 */
public final class MaterialConditions {

    private static final Map<String, Condition> ALL = Map.ofEntries(
            Map.entry("ALWAYS", new Always()),
            Map.entry("WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", new WebsitePrincipalNotLegalPerson()),
            Map.entry("SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON", new SubjectPrincipalNotLegalPerson()),
            Map.entry("WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL", new WebsitePrincipalNotSubjectPrincipal()),
            Map.entry("CERTIFICATE_OUTSIDE_PROVINCE", new CertificateOutsideProvince()),
            Map.entry("AGE_BETWEEN", new AgeBetween()),
            Map.entry("DOMAIN_COUNT_AT_LEAST", new DomainCountAtLeast()),
            Map.entry("DISTINCT_PREFIXES_ABOVE", new DistinctPrefixesAbove()),
            Map.entry("CONTENT_CATEGORY_ANY", new ContentCategoryAny()),
            Map.entry("NAME_OR_REMARK_WORDS", new NameOrRemarkWords()),
            Map.entry("PRE_APPROVAL_CONTENT", new PreApprovalContent()),
            Map.entry("FOREIGN_LEGAL_PERSON", new ForeignLegalPerson()),
            Map.entry("INDIVIDUAL_BUSINESS", new IndividualBusiness()),
            Map.entry("INDIVIDUAL_BUSINESS_WITHOUT_SEAL", new IndividualBusinessWithoutSeal()),
            Map.entry("CHANGE_KIND", new ChangeKind()),
            Map.entry("CERTIFICATE_TYPE_ANY", new CertificateTypeAny()),
            Map.entry("OLD_STYLE_RESIDENT_ID", new OldStyleResidentId()),
            Map.entry("SUBJECT_NATURE_ANY", new SubjectNatureAny()),
            Map.entry("SUBJECT_NAME_CHANGED", new SubjectNameChanged()),
            Map.entry("ALL_OF", Combinations.ALL_OF),
            Map.entry("ANY_OF", Combinations.ANY_OF),
            Map.entry("NOT", Combinations.NOT));

    private MaterialConditions() {
    }

    /** The conditions by the names rule data uses. */
    public static Map<String, Condition> all() {
        return ALL;
    }

    /**
     * The condition {@code name} on the order, with {@code resolve} choosing the implementation of every condition
     * but the combinators ({@code ALL_OF}, {@code ANY_OF}, {@code NOT}), which are evaluated here part by part with the
     * same resolver: a caller that answers some conditions from what it knows itself (e.g. a service that keeps no
     * certificate numbers but knows the certificate's province) gets its answers inside combinations too.
     * {@code null} (unknown) for a name the resolver does not know.
     */
    public static Boolean evaluate(String name, Map<String, Object> params, OrderDocument order, Facts facts,
            Integer website, Function<String, Condition> resolve) {
        return Combinations.evaluate(name, params, order, facts, website, resolve);
    }
}
