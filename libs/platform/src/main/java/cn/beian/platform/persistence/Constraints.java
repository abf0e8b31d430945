package cn.beian.platform.persistence;

/** Recognises database constraint failures in whatever wrapping Hibernate Reactive delivers them. */
public final class Constraints {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && UNIQUE_VIOLATION.equals(cve.getSQLState())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(UNIQUE_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
