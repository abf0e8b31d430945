package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.OrderDocument.Subject;
import cn.beian.rules.Rule;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the unit checks ask of a subject: names compared as the administration compares them (full- and half-width
 * alike, spaces ignored), whether two people are the same person, foreign nationals, individual businesses and their
 * trade names, and the map-valued parameters of the unit rules.
 */
final class UnitSubjects {

    /** How an individual business's trade name (字号) reads. */
    enum TradeName {
        /** none given, or a word for none */
        BLANK,
        /** {@code *}: the licence shows no trade name */
        STAR,
        /** the owner's own name */
        OWNER_NAME,
        /** a real trade name */
        OTHER
    }

    private UnitSubjects() {
    }

    /** A text compared loosely: NFKC (full-width brackets and letters as half-width), no spaces, upper case. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "")
                .toUpperCase(Locale.ROOT);
    }

    static boolean blank(String s) {
        return norm(s).isEmpty();
    }

    static boolean sameText(String a, String b) {
        return !blank(a) && norm(a).equals(norm(b));
    }

    static boolean containsAny(String text, List<String> words) {
        String t = norm(text);
        return !t.isEmpty() && words.stream().anyMatch(w -> !blank(w) && t.contains(norm(w)));
    }

    /**
     * Whether two people are the same person: the same name, and the same certificate type and number where both
     * give them. {@code null} when it cannot be told (a person or both names missing).
     */
    static Boolean samePerson(Person a, Person b) {
        if (a == null || b == null || blank(a.name()) || blank(b.name())) {
            return null;
        }
        if (!norm(a.name()).equals(norm(b.name()))) {
            return false;
        }
        if (a.certificateType() != null && b.certificateType() != null && a.certificateType() != b.certificateType()) {
            return false;
        }
        return blank(a.certificateNumber()) || blank(b.certificateNumber())
                || norm(a.certificateNumber()).equals(norm(b.certificateNumber()));
    }

    /** A foreign national, by the certificate given: a passport or a foreigner's permanent residence card. */
    static boolean isForeign(Person p) {
        return p != null && (p.certificateType() == CertificateType.PASSPORT
                || p.certificateType() == CertificateType.FOREIGNER_PERMANENT_RESIDENCE);
    }

    /** A 个体工商户, whether the applicant ticked it or chose its nature. */
    static boolean isIndividualBusiness(Subject s) {
        return s != null && (Boolean.TRUE.equals(s.individualBusiness())
                || s.nature() == SubjectNature.INDIVIDUAL_BUSINESS);
    }

    static TradeName tradeName(Subject s) {
        String t = norm(s.tradeName());
        if (t.isEmpty() || t.equals("无") || t.equals("NONE") || t.equals("/")) {
            return TradeName.BLANK;
        }
        if (t.chars().allMatch(c -> c == '*')) {
            return TradeName.STAR;
        }
        if (s.legalPerson() != null && sameText(s.tradeName(), s.legalPerson().name())
                || s.principal() != null && sameText(s.tradeName(), s.principal().name())) {
            return TradeName.OWNER_NAME;
        }
        return TradeName.OTHER;
    }

    /** Whether an individual business has no trade name as the rule counts it ({@code noTradeName}: BLANK, STAR…). */
    static boolean hasNoTradeName(Rule rule, Subject s) {
        List<String> none = rule.list("noTradeName");
        if (none.isEmpty()) {
            none = List.of(TradeName.BLANK.name(), TradeName.STAR.name());
        }
        return none.contains(tradeName(s).name());
    }

    /** The owner of an individual business: its legal person, or the subject principal when none is given. */
    static String ownerName(Subject s, String who) {
        Person legal = s.legalPerson();
        Person principal = s.principal();
        Person first = "PRINCIPAL".equals(who) ? principal : legal;
        Person second = "PRINCIPAL".equals(who) ? legal : principal;
        if (first != null && !blank(first.name())) {
            return first.name();
        }
        return second == null || blank(second.name()) ? null : second.name();
    }

    /** The remarks a rule reads: the subject's ({@code SUBJECT}) or the subject's and every website's ({@code ANY}). */
    static List<String> remarks(OrderDocument order, String where) {
        List<String> out = new ArrayList<>();
        if (order.subject() != null && order.subject().remarks() != null) {
            out.add(order.subject().remarks());
        }
        if (!"SUBJECT".equals(where)) {
            for (OrderDocument.Website w : order.websites()) {
                if (w != null && w.remarks() != null) {
                    out.add(w.remarks());
                }
            }
        }
        return out;
    }

    /** A map-valued parameter ({@code NATURE: [A, B]} or {@code NATURE: A}) as names to lists of names. */
    static Map<String, List<String>> map(Rule rule, String name) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rule.params().get(name) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v).split(","))));
        }
        return out;
    }

    /** The entry of a nature-keyed map for this nature, or its {@code OTHER} entry; {@code null} when neither. */
    static List<String> forNature(Map<String, List<String>> byNature, SubjectNature nature) {
        if (nature == null) {
            return null;
        }
        List<String> v = byNature.get(nature.name());
        return v != null ? v : byNature.get("OTHER");
    }
}
