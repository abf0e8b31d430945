package cn.beian.website.service;

import cn.beian.rules.Facts;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * What the rules know of a subject's already-approved websites (rows that require them to answer and show their
 * number): the seam between the pure rules engine and the probes, so that {@code libs/rules} stays free of I/O.
 */
public interface ExistingSiteFacts {

    /**
     * The account's approved websites with what their last probe found, one entry per domain; empty when there are
     * none; null when they are not known well enough yet (the rule is then undetermined).
     */
    Uni<List<Facts.ExistingSite>> existingSites(String accountId);
}
