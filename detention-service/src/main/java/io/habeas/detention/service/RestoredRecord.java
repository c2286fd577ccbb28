package io.habeas.detention.service;

import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.support.records.RecordState;
import io.habeas.support.records.RetractableRecord;
import io.habeas.support.validation.RequestValidator;

/**
 * A record as one of its revisions left it, for a restore: what an update of it sets, and its
 * state (active, or retracted with the reason it had then).
 */
public record RestoredRecord<D>(D fields, RecordState state, String retractionReason) {
    public boolean active() {
        return state == RecordState.ACTIVE;
    }

    /**
     * The revision's fields pass today's checks, as an update's must. The client sent nothing wrong:
     * a revision that a rule made since refuses is the state forbidding the restore.
     */
    void check(RequestValidator validator, String subject) {
        try {
            validator.check(fields, "");
        } catch (InvalidArgumentException e) {
            throw new FailedPreconditionException("REVISION_NOT_RESTORABLE", subject, "the revision's "
                    + e.violations().get(0).field() + " " + e.violations().get(0).description() + " under today's rules");
        }
    }

    /** Gives the record the revision's state; what it was retracted for goes with a retracted one only. */
    void applyStateTo(RetractableRecord record) {
        record.state = state;
        record.retractionReason = active() ? null : retractionReason;
        record.touch();
    }
}
