package io.habeas.support.records;

/** Who may see a record or a source; enforcement comes with access control. */
public enum AccessLevel {
    PUBLIC, RESTRICTED, CONFIDENTIAL;

    /** Nothing becomes public unless someone says so. */
    public static AccessLevel orDefault(AccessLevel level) {
        return level == null ? RESTRICTED : level;
    }
}
