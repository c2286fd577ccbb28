package io.habeas.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.access.Role;
import io.habeas.support.records.SourceCitation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAccessTest {
    private static final SourceCitation INHERITS = source("Meydan TV", null);
    private static final SourceCitation OPEN = source("OC Media", AccessLevel.PUBLIC);
    private static final SourceCitation INFORMANT = source("relative", AccessLevel.CONFIDENTIAL);
    private static final List<SourceCitation> ALL = List.of(INHERITS, OPEN, INFORMANT);

    private static SourceCitation source(String publisher, AccessLevel level) {
        return new SourceCitation(publisher, "title", null, null, null, level);
    }

    @Test
    void aSourceWithoutALevelGoesWithItsRecord() {
        assertEquals(List.of(INHERITS, OPEN), SourceAccess.visible(ALL, AccessLevel.PUBLIC, Clearance.of(Role.VIEWER)));
        assertEquals(List.of(INHERITS, OPEN), SourceAccess.visible(ALL, AccessLevel.RESTRICTED, Clearance.of(Role.ANALYST)));
        assertEquals(ALL, SourceAccess.visible(ALL, AccessLevel.RESTRICTED, Clearance.of(Role.ADMIN)));
    }

    @Test
    void aPublicSourceOnARestrictedRecordIsRestricted() {
        assertEquals(List.of(), SourceAccess.visible(ALL, AccessLevel.RESTRICTED, Clearance.of(Role.VIEWER)));
        assertEquals(List.of(), SourceAccess.visible(ALL, null, Clearance.of(Role.VIEWER)));
    }

    @Test
    void aCorrectionKeepsTheSourcesItsWriterCannotSee() {
        SourceCitation added = source("Turan", null);
        assertEquals(List.of(added, INFORMANT), SourceAccess.replaceVisible(ALL, List.of(added), AccessLevel.PUBLIC,
                Clearance.of(Role.RECORDER)));
        assertEquals(List.of(added), SourceAccess.replaceVisible(ALL, List.of(added), AccessLevel.PUBLIC,
                Clearance.of(Role.ADMIN)));
    }
}
