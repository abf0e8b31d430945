package cn.beian.rules.conditions;

import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.OrderDocument.Subject;
import cn.beian.rules.OrderDocument.Website;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The people of an order a condition names ({@code who}), and whether two records are the same person. */
final class People {

    /** Whom a condition looks at. */
    enum Who {
        /** the subject itself: for a person, their own certificate; for a unit, its certificate */
        SUBJECT,
        SUBJECT_PRINCIPAL,
        /** the website's principal (the subject principal where the website says they are the same) */
        WEBSITE_PRINCIPAL,
        LEGAL_PERSON,
        /** every person of the order: subject (persons), principals, legal person */
        ANY_PERSON
    }

    private People() {
    }

    static Who who(String name, Who otherwise) {
        try {
            return name == null ? otherwise : Who.valueOf(name);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    /** The records of {@code who}; a {@code null} element stands for a person the order should name but does not. */
    static List<Person> of(OrderDocument order, Who who, Integer website) {
        Subject s = order.subject();
        List<Person> out = new ArrayList<>();
        switch (who) {
            case SUBJECT -> out.add(s == null ? null : asPerson(s));
            case SUBJECT_PRINCIPAL -> out.add(s == null ? null : s.principal());
            case LEGAL_PERSON -> out.add(s == null ? null : s.legalPerson());
            case WEBSITE_PRINCIPAL -> Sites.of(order, website).forEach(w -> out.add(websitePrincipal(order, w)));
            case ANY_PERSON -> {
                if (s != null) {
                    if (s.nature() == null || !s.nature().isUnit()) {
                        out.add(asPerson(s));
                    }
                    out.add(s.principal());
                    out.add(s.legalPerson());
                }
                Sites.of(order, website).forEach(w -> out.add(w.principal()));
                out.removeIf(p -> p == null);
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** The website's principal: its own record, or the subject principal where it says they are the same. */
    static Person websitePrincipal(OrderDocument order, Website w) {
        if (Boolean.TRUE.equals(w.principalSameAsSubject())) {
            return order.subject() == null ? null : order.subject().principal();
        }
        return w.principal();
    }

    /** The subject's own certificate as a person record (a person subject's name and ID). */
    static Person asPerson(Subject s) {
        return new Person(s.name(), s.certificateType(), s.certificateNumber(), s.certificateValidUntil(), null, null,
                null);
    }

    /**
     * Whether two records are the same person: by certificate number where both give one, else by name; {@code null}
     * when either is missing or neither number nor name can be compared.
     */
    static Boolean same(Person a, Person b) {
        if (a == null || b == null) {
            return null;
        }
        String na = norm(a.certificateNumber());
        String nb = norm(b.certificateNumber());
        if (na != null && nb != null) {
            return na.equals(nb);
        }
        String ma = norm(a.name());
        String mb = norm(b.name());
        if (ma != null && mb != null) {
            return ma.equals(mb);
        }
        return null;
    }

    private static String norm(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }
}
