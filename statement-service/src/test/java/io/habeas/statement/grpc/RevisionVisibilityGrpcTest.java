package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RevisionAction;
import io.habeas.common.v1.Source;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorRevision;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which revisions a caller sees: those whose level it clears, of a record it may see now, with
 * the sources it may see, and none naming a person it may not see now.
 */
@QuarkusTest
class RevisionVisibilityGrpcTest extends GrpcTest {
    private Actor blinken;
    private String pPub;

    @BeforeEach
    void recordTheSpeaker() {
        blinken = createActor(blinken());
        pPub = detention.knownPerson(io.habeas.kernel.access.AccessLevel.PUBLIC);
    }

    private Statement call(AccessLevel level, String... persons) {
        var call = claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for release").addSubjectCountries("AZ");
        for (String person : persons) {
            call.addSubjectPersons(person);
        }
        return createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call").setAccessLevel(level).addClaims(call));
    }

    private static List<RevisionAction> actions(List<StatementRevision> revisions) {
        return revisions.stream().map(r -> r.getRevision().getAction()).toList();
    }

    @Test
    void aConfidentialRevisionStaysHiddenFromAnAnalystAfterTheStatementIsReclassified() {
        Statement secret = call(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, pPub);
        updateStatement(secret.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED), "access_level");

        assertEquals(List.of(RevisionAction.REVISION_ACTION_RECLASSIFIED),
                actions(statementRevisions(statementsAs(Role.ANALYST), secret.getName())));
        assertEquals(List.of(RevisionAction.REVISION_ACTION_RECLASSIFIED, RevisionAction.REVISION_ACTION_CREATED),
                actions(statementRevisions(statementsAs(Role.ADMIN), secret.getName())));
        fails(Status.Code.NOT_FOUND, () -> statementRevisions(statementsAs(Role.VIEWER), secret.getName()));
    }

    @Test
    void aPublicRevisionIsNoLongerShownOnceTheStatementIsHiddenFromTheReader() {
        Statement open = call(AccessLevel.ACCESS_LEVEL_PUBLIC, pPub);
        Statement restricted = updateStatement(open.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED),
                "access_level");
        assertEquals(2, statementRevisions(statementsAs(Role.ANALYST), open.getName()).size());
        fails(Status.Code.NOT_FOUND, () -> statementRevisions(statementsAs(Role.VIEWER), open.getName()));

        updateStatement(restricted.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC), "access_level");
        assertEquals(List.of(RevisionAction.REVISION_ACTION_RECLASSIFIED, RevisionAction.REVISION_ACTION_CREATED),
                actions(statementRevisions(statementsAs(Role.VIEWER), open.getName())),
                "public again: the viewer sees the public revisions, never the restricted one");
    }

    @Test
    void aStatementRevisionIsAtItsActorsLevelAndHiddenWithIt() {
        Actor restrictedNgo = createActor(blinken().setDisplayName("Coalition Watch")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        Statement said = createStatement(statement(restrictedNgo.getName(), date(2024, 4, 0), "Demand")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, "Release him").addSubjectPersons(pPub)));
        updateActor(restrictedNgo.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC), "access_level");
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED,
                statementRevisions(statements, said.getName()).get(0).getRevision().getAccessLevel());
        assertEquals(0, statementRevisions(statementsAs(Role.VIEWER), said.getName()).size(),
                "the statement shows to a viewer now, its revision recorded under a restricted actor does not");
    }

    @Test
    void revisionsShowOnlyTheSourcesTheReaderMayRead() {
        Source informant = Source.newBuilder().setPublisher("A relative").setTitle("Interview")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL).build();
        Source unlevelled = Source.newBuilder().setPublisher("Turan").setTitle("Report").build();
        Statement said = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call").addSources(informant)
                .addSources(unlevelled).addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectCountries("AZ")));
        Actor sourced = updateActor(blinken.toBuilder().addSources(informant), "sources");

        assertEquals(List.of("JAMnews", "Turan"), publishers(statementRevisions(statementsAs(Role.VIEWER), said.getName())
                .get(0).getStatement().getSourcesList()));
        assertEquals(List.of("JAMnews", "A relative", "Turan"), publishers(statementRevisions(statements, said.getName())
                .get(0).getStatement().getSourcesList()));
        assertEquals(AccessLevel.ACCESS_LEVEL_UNSPECIFIED, statementRevisions(statementsAs(Role.VIEWER), said.getName())
                .get(0).getStatement().getSources(1).getAccessLevel(), "an unlevelled source reads back unspecified");
        List<ActorRevision> seen = actorRevisions(actorsAs(Role.ANALYST), sourced.getName());
        assertEquals(List.of("JAMnews"), publishers(seen.get(0).getActor().getSourcesList()));
        assertEquals(List.of("JAMnews", "A relative"), publishers(actorRevisions(actors, sourced.getName()).get(0)
                .getActor().getSourcesList()));
    }

    @Test
    void aRevisionNamingAPersonTheReaderMayNotSeeIsLeftOutAskingDetentionOncePerPage() {
        String pConf = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Statement said = call(AccessLevel.ACCESS_LEVEL_PUBLIC, pConf);
        for (int i = 0; i < 5; i++) {
            said = updateStatement(said.toBuilder().setClaims(0, said.getClaims(0).toBuilder().clearSubjectPersons()
                    .addSubjectPersons(detention.knownPerson())), "claims");
        }
        int before = detention.calls();
        List<StatementRevision> seen = statementRevisions(statementsAs(Role.VIEWER), said.getName());
        assertEquals(2, detention.calls() - before, "one for the statement now, one for the page");
        assertEquals(5, seen.size());
        assertEquals(RevisionAction.REVISION_ACTION_UPDATED, seen.get(4).getRevision().getAction());
        assertEquals(6, statementRevisions(statements, said.getName()).size());
    }

    @Test
    void aPageOfRevisionsCostsTheSameStatementsWhateverItHolds() {
        Statement once = call(AccessLevel.ACCESS_LEVEL_PUBLIC, pPub);
        Statement often = call(AccessLevel.ACCESS_LEVEL_PUBLIC, pPub);
        for (int i = 0; i < 6; i++) {
            often = updateStatement(often.toBuilder().setClaims(0, often.getClaims(0).toBuilder().clearSubjectPersons()
                    .addSubjectPersons(detention.knownPerson())), "claims");
        }
        database.statistics().clear();
        assertEquals(1, statementRevisions(statementsAs(Role.ANALYST), once.getName()).size());
        long one = database.statistics().getPrepareStatementCount();
        database.statistics().clear();
        assertEquals(7, statementRevisions(statementsAs(Role.ANALYST), often.getName()).size());
        assertEquals(one, database.statistics().getPrepareStatementCount(), "1 revision vs 7");
    }

    @Test
    void anActorRevisionLinkedToAPersonTheReaderMayNotSeeIsLeftOut() {
        String pConf = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Actor detainee = createActor(detainedPerson("Someone held", pConf).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        updateActor(detainee.toBuilder().setPerson(pPub), "person");
        assertEquals(1, actorRevisions(actorsAs(Role.VIEWER), detainee.getName()).size());
        assertEquals(pPub, actorRevisions(actorsAs(Role.VIEWER), detainee.getName()).get(0).getActor().getPerson());
        assertEquals(2, actorRevisions(actors, detainee.getName()).size());
    }

    private static List<String> publishers(List<Source> sources) {
        return sources.stream().map(Source::getPublisher).toList();
    }
}
