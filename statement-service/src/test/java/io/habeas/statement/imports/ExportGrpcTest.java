package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.azerbaijaniAuthorities;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.AccessLevel;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ExportedRecord;
import io.habeas.statement.v1.Statement;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The export: every actor and statement the caller may see, as the reads show them, and nothing
 * naming one it may not; chunk by chunk at a fixed cost per chunk.
 */
@QuarkusTest
class ExportGrpcTest extends ImportGrpcTest {
    private static final Logger LOG = Logger.getLogger(ExportGrpcTest.class);

    private static List<String> names(List<ExportedRecord> records) {
        return records.stream().map(ExportedRecord::getName).toList();
    }

    private Statement said(Actor by, String title, AccessLevel level, String person) {
        return createStatement(statement(by.getName(), date(2024, 5, 2), title).setAccessLevel(level)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release them.").addSubjectPersons(person)));
    }

    @Test
    void eachRoleExportsExactlyWhatItsReadsShowAndNothingNamesTheRest() {
        String publicPerson = detention.knownPerson();
        String confidentialPerson = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Actor open = createActor(blinken());
        Actor secret = createActor(azerbaijaniAuthorities().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Actor linked = createActor(detainedPerson("Detainee", confidentialPerson).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        Statement publicOne = said(open, "Public", AccessLevel.ACCESS_LEVEL_PUBLIC, publicPerson);
        Statement restricted = said(open, "Restricted", AccessLevel.ACCESS_LEVEL_RESTRICTED, publicPerson);
        Statement confidential = said(open, "Confidential", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, publicPerson);
        Statement aboutSecretPerson = said(open, "About a confidential person", AccessLevel.ACCESS_LEVEL_PUBLIC,
                confidentialPerson);
        Statement bySecretActor = said(secret, "By a confidential actor", AccessLevel.ACCESS_LEVEL_PUBLIC, publicPerson);
        Statement answering = createStatement(statement(open.getName(), date(2024, 5, 3), "Answers the confidential one")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "No.")
                        .addSubjectCountries("AZ").setAnswers(confidential.getClaims(0).getName())));

        List<ExportedRecord> viewer = exportAs(Role.VIEWER, 2);
        List<ExportedRecord> analyst = exportAs(Role.ANALYST, 2);
        List<ExportedRecord> admin = exportAs(Role.ADMIN, 2);

        assertEquals(List.of(open.getName(), publicOne.getName()), names(viewer));
        assertEquals(List.of(open.getName(), publicOne.getName(), restricted.getName()), names(analyst));
        assertEquals(List.of(open.getName(), secret.getName(), linked.getName(), publicOne.getName(), restricted.getName(),
                confidential.getName(), aboutSecretPerson.getName(), bySecretActor.getName(), answering.getName()), names(admin));
        String seenByViewer = viewer.toString() + analyst;
        for (String hidden : List.of(secret.getName(), linked.getName(), confidential.getName(), aboutSecretPerson.getName(),
                bySecretActor.getName(), answering.getName(), confidentialPerson)) {
            assertFalse(seenByViewer.contains(hidden.substring(hidden.indexOf('/') + 1)), hidden);
        }
    }

    @Test
    void exportedRecordsAreTheReadsInTheImportShape() {
        String person = detention.knownPerson();
        Actor actor = createActor(blinken());
        Statement said = said(actor, "Call", AccessLevel.ACCESS_LEVEL_PUBLIC, person);

        List<ExportedRecord> records = exportAs(Role.VIEWER, 0);

        assertEquals(actor.toBuilder().clearCreateTime().clearUpdateTime().clearEtag().build(), records.get(0).getRecord().getActor());
        Statement exported = records.get(1).getRecord().getStatement().getStatement();
        assertEquals(said.getName(), exported.getName());
        assertEquals(said.getClaims(0).getName(), exported.getClaims(0).getName());
        assertEquals(said.toBuilder().clearActorCountry().clearState().clearCreateTime().clearUpdateTime().clearEtag()
                .setClaims(0, said.getClaims(0).toBuilder().clearCameoCode()).build(), exported);
    }

    @Test
    void anEmptyInstanceExportsNothingAndANegativePageSizeIsInvalid() {
        assertEquals(List.of(), exportAs(Role.VIEWER, 0));
        var refused = assertThrows(StatusRuntimeException.class, () -> exportAs(Role.VIEWER, -1));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
    }

    @Test
    void aChunkCostsTheSameStatementsWhateverItHolds() {
        String person = detention.knownPerson();
        Actor actor = createActor(blinken());
        Statement answered = said(actor, "Answered", AccessLevel.ACCESS_LEVEL_PUBLIC, person);
        long[] cost = new long[2];
        int[] sizes = {3, 30};
        int made = 0;
        for (int round = 0; round < sizes.length; round++) {
            for (; made < sizes[round]; made++) {
                createStatement(statement(actor.getName(), date(2024, 5, 3), "Reply " + made)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "No.").addSubjectPersons(person)
                                .setAnswers(answered.getClaims(0).getName()))
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.").addSubjectCountries("AZ")));
            }
            SqlLog.clear();
            int calls = detention.calls();
            List<ExportedRecord> records = exportAs(Role.VIEWER, 500);
            cost[round] = SqlLog.statements().size();
            assertEquals(sizes[round] + 2, records.size());
            assertTrue(detention.calls() - calls <= 2, "persons asked once per chunk");
            LOG.infof("export of %d statements in one chunk: %d statements", sizes[round] + 1, cost[round]);
        }
        assertEquals(cost[0], cost[1], "the statements of a chunk do not grow with the records it holds");
    }
}
