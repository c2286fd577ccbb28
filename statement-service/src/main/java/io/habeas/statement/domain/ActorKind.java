package io.habeas.statement.domain;

/** What kind of speaker an actor is. */
public enum ActorKind {
    OFFICIAL, GOVERNMENT_BODY, INTERNATIONAL_BODY, NGO, DETAINED_PERSON, LAWYER, RELATIVE, OTHER;

    /** Speakers who may be linked to a person in detention-service: the person, a lawyer, a relative. */
    public boolean speaksForAPerson() {
        return this == DETAINED_PERSON || this == LAWYER || this == RELATIVE;
    }
}
