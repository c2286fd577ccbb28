package io.habeas.statement.domain;

/** Where a detention stands, as detention-service shows it to the caller: held, or how it ended. */
public enum DetentionStanding {
    /** Ongoing: held, or under house arrest or other restrictions short of a final release. */
    HELD,
    RELEASED,
    DIED_IN_CUSTODY,
    ESCAPED
}
