package io.habeas.support.records;

import io.habeas.kernel.errors.FailedPreconditionException;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/** A fact that can be withdrawn when it was recorded in error; it is kept, with the reason. */
@MappedSuperclass
public abstract class RetractableRecord extends SourcedRecord {
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    public RecordState state = RecordState.ACTIVE;

    @Column(name = "retraction_reason")
    public String retractionReason;

    public boolean isActive() {
        return state == RecordState.ACTIVE;
    }

    public void retract(String reason) {
        requireActive();
        state = RecordState.RETRACTED;
        retractionReason = reason;
        touch();
    }

    public void requireActive() {
        if (!isActive()) {
            throw new FailedPreconditionException("RECORD_RETRACTED", resourceName(),
                    resourceName() + " was retracted and cannot be changed");
        }
    }
}
