package io.habeas.detention.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.records.SourceCitation;
import java.util.List;

/**
 * The sources a correction stores. A correction is merged from what its writer was shown, so
 * sources hidden from the writer are kept, never dropped unseen; when the writer sent back just
 * what it saw, the stored list stays as it was, order included.
 */
final class SourceCorrection {
    private SourceCorrection() {
    }

    static List<SourceCitation> of(List<SourceCitation> stored, List<SourceCitation> submitted, AccessLevel recordLevel,
            Clearance writer) {
        if (submitted.equals(SourceAccess.visible(stored, recordLevel, writer))) {
            return stored;
        }
        return SourceAccess.replaceVisible(stored, submitted, recordLevel, writer);
    }
}
