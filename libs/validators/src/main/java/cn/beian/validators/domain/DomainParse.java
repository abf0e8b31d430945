package cn.beian.validators.domain;

import cn.beian.validators.Problem;
import java.util.Objects;
import java.util.Optional;

/** What {@link DomainNames#parse} made of an input: either a {@link ParsedDomain} or the {@link Problem} with it. */
public final class DomainParse {

    private final ParsedDomain domain;
    private final Problem problem;

    private DomainParse(ParsedDomain domain, Problem problem) {
        this.domain = domain;
        this.problem = problem;
    }

    static DomainParse valid(ParsedDomain domain) {
        return new DomainParse(Objects.requireNonNull(domain), null);
    }

    static DomainParse invalid(String code, String key, String message, Object... args) {
        return new DomainParse(null, Problem.keyed(code, key, message, args));
    }

    public boolean isValid() {
        return domain != null;
    }

    public Optional<ParsedDomain> domain() {
        return Optional.ofNullable(domain);
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The parsed domain; throws when the input was refused (check {@link #isValid()} first). */
    public ParsedDomain orElseThrow() {
        if (domain == null) {
            throw new IllegalStateException(problem.code() + ": " + problem.message());
        }
        return domain;
    }

    @Override
    public String toString() {
        return domain != null ? domain.ascii() : problem.code();
    }
}
