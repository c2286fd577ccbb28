package io.habeas.detention.domain;

/** Where a detained person stands, after the CECC and HURIDOCS liberty statuses. */
public enum CustodyStatus {
    POLICE_CUSTODY, PRE_TRIAL_DETENTION, HOUSE_ARREST, CONDITIONAL_RELEASE, SERVING_SENTENCE,
    WHEREABOUTS_UNKNOWN, RELEASED, DECEASED, ESCAPED;

    /** A final status ends the detention; a later arrest is a new detention. */
    public boolean isFinal() {
        return this == RELEASED || this == DECEASED || this == ESCAPED;
    }
}
