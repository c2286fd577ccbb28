package io.habeas.support.revisions;

/** What a revision records (habeas.common.v1.RevisionAction). */
public enum RevisionAction {
    CREATED, UPDATED, RECLASSIFIED, STATUS_CHANGED, RETRACTED, RESTORED
}
