package io.habeas.support.audit;

import java.util.Set;

/**
 * What each service knows of its records' levels beyond what an answer carries: a custody event
 * shows its own level, but it is CONFIDENTIAL when its detention or its person is. Each service
 * implements it once, over every resource name it serves or names.
 */
public interface ConfidentialRecords {
    /**
     * Of these resource names, those of records whose effective level is CONFIDENTIAL now (the
     * most restrictive of their own level and of everything they hang under); names of other
     * services' records, or of no record, are left out. One batch for the whole answer.
     */
    Set<String> confidentialNow(Set<String> names);
}
