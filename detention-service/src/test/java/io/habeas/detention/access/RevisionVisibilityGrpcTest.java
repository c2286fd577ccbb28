package io.habeas.detention.access;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.Fixtures;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.support.RevisionCalls.Revised;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees which revisions: only of records the caller may see now, only those whose level (the
 * record's effective level as each left it) the caller clears, with the sources it clears.
 */
@QuarkusTest
class RevisionVisibilityGrpcTest extends LevelledCase {
    private static final List<Role> ROLES = List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER, Role.ADMIN);

    @Test
    void eachRoleSeesTheRevisionsOfExactlyTheRecordsItMayGet() {
        for (Role role : ROLES) {
            var calls = historyAs(role);
            for (String name : labels().keySet()) {
                StatusRuntimeException hidden = null;
                try {
                    calls.get(name);
                } catch (StatusRuntimeException e) {
                    hidden = e;
                }
                if (hidden == null) {
                    assertEquals(1, calls.list(name).size(), role + " " + labels().get(name));
                } else {
                    var refused = assertThrows(StatusRuntimeException.class, () -> calls.list(name));
                    assertEquals(hidden.getStatus().toString(), refused.getStatus().toString(), role + " " + labels().get(name));
                }
            }
        }
    }

    @Test
    void aRevisionCarriesTheEffectiveLevelOfItsRecord() {
        Map<String, AccessLevel> expected = Map.of(publicPerson.getName(), PUBLIC, d1.getName(), PUBLIC,
                e2.getName(), CONFIDENTIAL, e3.getName(), RESTRICTED, c3.getName(), RESTRICTED, d3.getName(), RESTRICTED,
                d4.getName(), CONFIDENTIAL, c4.getName(), CONFIDENTIAL);
        expected.forEach((name, level) -> assertEquals(level, history().newest(name).revision().getAccessLevel(),
                labels().get(name)));
    }

    @Test
    void aConfidentialRevisionStaysHiddenFromAnAnalystAfterItsRecordBecameRestricted() {
        Detention secret = createDetention(arrest(publicPerson.getName(), date(2024, 2, 1)).setAccessLevel(CONFIDENTIAL));
        reclassify(secret, RESTRICTED);

        assertEquals(List.of(RESTRICTED), levels(historyAs(Role.ANALYST).list(secret.getName())));
        assertEquals(List.of(RESTRICTED, CONFIDENTIAL), levels(history().list(secret.getName())));
        fails(Status.Code.NOT_FOUND, () -> historyAs(Role.VIEWER).list(secret.getName()));
    }

    @Test
    void aRevisionAnAnalystSawIsHiddenWhileItsRecordIsConfidentialAndItsConfidentialOneAfter() {
        var analyst = historyAs(Role.ANALYST);
        assertEquals(List.of(RESTRICTED), levels(analyst.list(d2.getName())));

        reclassify((Detention) history().get(d2.getName()), CONFIDENTIAL);
        fails(Status.Code.NOT_FOUND, () -> analyst.list(d2.getName()));

        reclassify((Detention) history().get(d2.getName()), RESTRICTED);
        assertEquals(List.of(RESTRICTED, RESTRICTED), levels(analyst.list(d2.getName())));
        assertEquals(List.of(RESTRICTED, CONFIDENTIAL, RESTRICTED), levels(history().list(d2.getName())));
    }

    @Test
    void sourcesAboveTheCallersLevelAreLeftOutOfEverySnapshot() {
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            Person seen = (Person) historyAs(role).newest(publicPerson.getName()).record();
            assertEquals(List.of("JAMnews"), publishers(seen.getSourcesList()), role.toString());
        }
        Person whole = (Person) history().newest(publicPerson.getName()).record();
        assertEquals(List.of("JAMnews", "Informant"), publishers(whole.getSourcesList()));

        detentions.changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setName(c1.getName()).setEtag(c1.getEtag())
                .setStatusChange(ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_DROPPED)
                        .setEffectiveOn(date(2024, 1, 0)).addSources(source()).addSources(informant()))
                .setRequestId(requestId()).build());
        Charge viewed = (Charge) historyAs(Role.VIEWER).newest(c1.getName()).record();
        assertEquals(List.of("JAMnews"), publishers(viewed.getStatusHistory(0).getSourcesList()));
        Charge kept = (Charge) history().newest(c1.getName()).record();
        assertEquals(List.of("JAMnews", "Informant"), publishers(kept.getStatusHistory(0).getSourcesList()));
    }

    @Test
    void aSourceWithoutALevelReadsBackUnspecifiedAsItWasRecorded() {
        Person person = createPerson(Fixtures.person("Unlevelled Source", "AZ").setAccessLevel(PUBLIC).clearSources()
                .addSources(Source.newBuilder().setPublisher("Turan").setTitle("Arrest reported")));

        Person seen = (Person) historyAs(Role.VIEWER).newest(person.getName()).record();
        assertEquals(AccessLevel.ACCESS_LEVEL_UNSPECIFIED, seen.getSources(0).getAccessLevel());
        assertEquals(person.getSourcesList(), seen.getSourcesList());
    }

    private void reclassify(Detention detention, AccessLevel level) {
        detentions.updateDetention(UpdateDetentionRequest.newBuilder().setDetention(detention.toBuilder().setAccessLevel(level))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build());
    }

    private static List<AccessLevel> levels(List<Revised> revisions) {
        return revisions.stream().map(Revised::revision).map(Revision::getAccessLevel).toList();
    }
}
