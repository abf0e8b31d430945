package cn.beian.platform.persistence;

/** Recognises database constraint failures in whatever wrapping Hibernate Reactive delivers them. */
public final class Constraints {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's SQLSTATEs for serialization_failure and deadlock_detected. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

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

    /**
     * Whether {@code e} is a transaction that lost a race with another writer of the same rows (an optimistic lock,
     * a serialization failure, a deadlock): the same work, tried again at once, succeeds.
     */
    public static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException j
                    && (SERIALIZATION_FAILURE.equals(j.getSQLState()) || DEADLOCK.equals(j.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
