package cn.beian.validators;

import cn.beian.contract.domain.CertificateType;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * The age rules of §5.3: a unit's principal must be at least 16; a person filing under 18 needs employment proof
 * (the filing is allowed, with the proof among its materials). Ages are full years, from the birth date a certificate
 * number encodes ({@link CertificateValidator#birthDate}), on a given date.
 */
public final class Ages {

    /** A unit's principal must be at least this old. */
    public static final int UNIT_PRINCIPAL_MINIMUM = 16;
    /** A person younger than this needs employment proof. */
    public static final int ADULT = 18;

    private Ages() {
    }

    /** Full years from {@code birth} to {@code at}; someone born on 29 February turns a year older on 1 March. */
    public static int ageAt(LocalDate birth, LocalDate at) {
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(at, "at");
        if (at.isBefore(birth)) {
            throw new IllegalArgumentException("born after " + at);
        }
        return Period.between(birth, at).getYears();
    }

    public static boolean oldEnoughForUnitPrincipal(LocalDate birth, LocalDate at) {
        return ageAt(birth, at) >= UNIT_PRINCIPAL_MINIMUM;
    }

    public static boolean needsEmploymentProof(LocalDate birth, LocalDate at) {
        return ageAt(birth, at) < ADULT;
    }

    /**
     * What the age rules say about a person with this certificate on {@code at}; empty when the certificate encodes
     * no (real, past) birth date, e.g. a passport — then a human checks the age on the scan.
     */
    public static Optional<Assessment> assess(CertificateType type, String number, LocalDate at) {
        return CertificateValidator.birthDate(type, number)
                .filter(b -> !b.isAfter(at))
                .map(b -> new Assessment(ageAt(b, at)));
    }

    /** A person's age and what follows from it. */
    public record Assessment(int age) {

        /** At least 16: may be a unit's principal. */
        public boolean mayBeUnitPrincipal() {
            return age >= UNIT_PRINCIPAL_MINIMUM;
        }

        /** Under 18: files as a person only with employment proof. */
        public boolean needsEmploymentProof() {
            return age < ADULT;
        }
    }
}
