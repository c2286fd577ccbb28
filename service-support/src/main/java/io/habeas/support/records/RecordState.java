package io.habeas.support.records;

/** Retracted records are kept with their reason but leave lists and feeds. */
public enum RecordState {
    ACTIVE, RETRACTED
}
