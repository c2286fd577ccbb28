package io.habeas.detention.domain;

/** A step of criminal proceedings, and what a record of it may hold beyond its date and court. */
public enum CourtEventType {
    INDICTMENT, TRIAL_OPENED, HEARING, CLOSED_HEARING, VERDICT, SENTENCE, APPEAL_FILED, APPEAL_DECIDED, CASSATION,
    PARDON, AMNESTY, PRISONER_EXCHANGE;

    /** A court decides something at this step: a decision may be recorded. */
    public boolean decides() {
        return this == VERDICT || this == APPEAL_DECIDED || this == CASSATION;
    }

    /** A sentence may be set at this step. */
    public boolean sentences() {
        return decides() || this == SENTENCE;
    }

    /** The sitting is closed to the public by its kind. */
    public boolean closedToPublic() {
        return this == CLOSED_HEARING;
    }
}
