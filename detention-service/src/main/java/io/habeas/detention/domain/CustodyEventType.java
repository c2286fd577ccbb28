package io.habeas.detention.domain;

/** What can happen during a detention, and the status each event leads to. */
public enum CustodyEventType {
    ARREST(CustodyStatus.POLICE_CUSTODY),
    PRE_TRIAL_DETENTION(CustodyStatus.PRE_TRIAL_DETENTION),
    DETENTION_EXTENDED(null),
    TRANSFER(null),
    HOUSE_ARREST(CustodyStatus.HOUSE_ARREST),
    CONDITIONAL_RELEASE(CustodyStatus.CONDITIONAL_RELEASE),
    SENTENCED(CustodyStatus.SERVING_SENTENCE),
    WHEREABOUTS_UNKNOWN(CustodyStatus.WHEREABOUTS_UNKNOWN),
    RELEASE(CustodyStatus.RELEASED),
    DEATH_IN_CUSTODY(CustodyStatus.DECEASED),
    ESCAPE(CustodyStatus.ESCAPED);

    private final CustodyStatus leadsTo;

    CustodyEventType(CustodyStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    /** The status after this event; an extension or a transfer keeps the status before it. */
    public CustodyStatus statusAfter(CustodyStatus before) {
        return leadsTo == null ? before : leadsTo;
    }

    public boolean isFinal() {
        return leadsTo != null && leadsTo.isFinal();
    }
}
