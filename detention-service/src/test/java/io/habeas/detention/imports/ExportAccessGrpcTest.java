package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each role exports what its reads show it and nothing else: a hidden record is not in the export
 * as a record, a source, a name or a key; retracted records are in no one's export.
 */
@QuarkusTest
class ExportAccessGrpcTest extends ExportGrpcTest {
    private Person open;
    private Person restricted;
    private Person confidential;
    private String restrictedEvent;
    private String confidentialCharge;
    private List<String> retracted;

    @BeforeEach
    void recordEveryLevel() {
        open = createPerson(person("Open Case", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source().toBuilder().setTitle("Internal note").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)));
        Detention held = createDetention(arrest(open.getName(), date(2024, 3, 1)));
        restrictedEvent = addEvent(held, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 3, 5))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)).getName();
        confidentialCharge = addCharge(held, charge("204.3.1", date(2024, 3, 2))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).getName();
        restricted = createPerson(person("Restricted Case", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        confidential = createPerson(person("Confidential Case", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        createDetention(arrest(confidential.getName(), date(2024, 1, 1)));
        Person gone = createPerson(person("Entered In Error", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        persons.retractPerson(RetractPersonRequest.newBuilder().setName(gone.getName()).setEtag(gone.getEtag())
                .setReason("entered in error").setRequestId(requestId()).build());
        Detention wrong = createDetention(arrest(restricted.getName(), date(2020, 1, 1)));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(wrong.getName()).setEtag(wrong.getEtag())
                .setReason("another person's").setRequestId(requestId()).build());
        retracted = List.of(id(gone.getName()), id(wrong.getName()));
    }

    @Test
    void aViewerExportsOnlyPublicRecordsAndSources() {
        List<ImportRecord> exported = export(Role.VIEWER, 0).records();

        assertEquals(List.of(open.getName()), names(exported));
        ImportRecord only = exported.get(0);
        assertEquals(1, only.getPerson().getSourcesCount(), "the CONFIDENTIAL source is left out");
        assertEquals(0, only.getDetentions(0).getCustodyEventsCount());
        assertEquals(0, only.getDetentions(0).getChargesCount());
        assertNowhere(exported, id(restricted.getName()), id(confidential.getName()), id(restrictedEvent),
                id(confidentialCharge), "Internal note");
    }

    @Test
    void anAnalystAlsoExportsRestrictedRecordsButNoConfidentialOne() {
        List<ImportRecord> exported = export(Role.ANALYST, 0).records();

        assertEquals(List.of(open.getName(), restricted.getName()), names(exported));
        assertEquals(restrictedEvent, exported.get(0).getDetentions(0).getCustodyEvents(0).getCustodyEvent().getName());
        assertEquals(0, exported.get(0).getDetentions(0).getChargesCount());
        assertNowhere(exported, id(confidential.getName()), id(confidentialCharge), "Internal note");
    }

    @Test
    void anAdminExportsEverythingActive() {
        List<ImportRecord> exported = export(Role.ADMIN, 0).records();

        assertEquals(List.of(open.getName(), restricted.getName(), confidential.getName()), names(exported));
        assertEquals(2, exported.get(0).getPerson().getSourcesCount());
        assertEquals(0, exported.get(1).getDetentionsCount(), "the retracted detention is left out");
        assertEquals(confidentialCharge, exported.get(0).getDetentions(0).getCharges(0).getCharge().getName());
        assertEquals(1, exported.get(2).getDetentionsCount());
    }

    @Test
    void retractedRecordsAreInNoOnesExport() {
        for (Role role : Role.values()) {
            assertNowhere(export(role, 0).records(), retracted.toArray(String[]::new));
        }
    }

    private static List<String> names(List<ImportRecord> records) {
        return records.stream().map(r -> r.getPerson().getName()).toList();
    }

    private static String id(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static void assertNowhere(List<ImportRecord> exported, String... hidden) {
        String text = exported.toString();
        for (String each : hidden) {
            assertFalse(text.contains(each), each + " is in the export");
        }
    }
}
