package io.habeas.support.access;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.support.records.SourceCitation;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a record's sources a caller sees. A source without a level of its own goes with its
 * record; one with a level is shown only to whom clears both it and the record (a confidential
 * informant cited on a public detention stays confidential).
 */
public final class SourceAccess {
    private SourceAccess() {
    }

    public static boolean visible(SourceCitation source, AccessLevel recordLevel, Clearance reader) {
        AccessLevel level = source.accessLevel() == null ? AccessLevel.orDefault(recordLevel)
                : AccessLevel.mostRestrictive(source.accessLevel(), recordLevel);
        return reader.clears(level);
    }

    /** The sources the reader sees, in their stored order. */
    public static List<SourceCitation> visible(List<SourceCitation> sources, AccessLevel recordLevel, Clearance reader) {
        return sources.stream().filter(s -> visible(s, recordLevel, reader)).toList();
    }

    /**
     * A correction of the sources by a caller who may not see them all: what it sent replaces what
     * it saw, and the sources hidden from it are kept after them, never dropped unseen.
     */
    public static List<SourceCitation> replaceVisible(List<SourceCitation> stored, List<SourceCitation> submitted,
            AccessLevel recordLevel, Clearance writer) {
        List<SourceCitation> merged = new ArrayList<>(submitted);
        stored.stream().filter(s -> !visible(s, recordLevel, writer)).forEach(merged::add);
        return merged;
    }
}
