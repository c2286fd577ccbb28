package io.habeas.kernel.access;

/** Who may see a record or a source, from the most open to the most closed. */
public enum AccessLevel {
    PUBLIC, RESTRICTED, CONFIDENTIAL;

    /** The level that hides most: a fact is shown only to whom may see everything it involves. */
    public static AccessLevel mostRestrictive(AccessLevel... levels) {
        AccessLevel most = PUBLIC;
        for (AccessLevel level : levels) {
            if (orDefault(level).ordinal() > most.ordinal()) {
                most = orDefault(level);
            }
        }
        return most;
    }

    /** Nothing becomes public unless someone says so. */
    public static AccessLevel orDefault(AccessLevel level) {
        return level == null ? RESTRICTED : level;
    }

    /** The visibility rule: a record at {@code level} is shown to a reader cleared up to this level. */
    public boolean clears(AccessLevel level) {
        return orDefault(level).ordinal() <= ordinal();
    }
}
