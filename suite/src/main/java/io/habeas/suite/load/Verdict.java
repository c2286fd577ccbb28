package io.habeas.suite.load;

/** What an answer means for a client of the suite. */
public enum Verdict {
    /** The answer asked for. */
    SUCCESS,
    /**
     * A degradation the answer says it is, which a client can act on: the gateway's partial answer or
     * its problem+json 503/504 for a backend that cannot answer; UNAVAILABLE or DEADLINE_EXCEEDED on a
     * write, which is then retried with the same request id.
     */
    MARKED,
    /** Anything else: a defect, whatever the load. */
    UNMARKED
}
