package io.habeas.suite.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenamesTest {
    private final Renames renames = new Renames(Map.of("persons/old-1", "persons/new-1", "persons/old-2", "persons/new-2"));

    private static ImportRecord actor(String name, String person) {
        return ImportRecord.newBuilder().setActor(Actor.newBuilder().setName(name).setDisplayName("A").setPerson(person)).build();
    }

    private static ImportRecord statement(String name, String actor, Claim... claims) {
        return ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder().setImportKey(name)
                .setStatement(Statement.newBuilder().setName(name).setActor(actor).addAllClaims(List.of(claims)))).build();
    }

    private static Claim claim(String name, String answers, String... persons) {
        return Claim.newBuilder().setName(name).setAnswers(answers).addAllSubjectPersons(List.of(persons)).setText("t").build();
    }

    private ImportRecord ready(ImportRecord record) {
        return assertInstanceOf(Renames.Ready.class, renames.rename(record, Set.of())).record();
    }

    private String refused(ImportRecord record) {
        return assertInstanceOf(Renames.Refused.class, renames.rename(record, Set.of())).reason();
    }

    @Test
    void anActorNamesItsPersonByTheRestoredName() {
        assertEquals("persons/new-1", ready(actor("actors/a", "persons/old-1")).getActor().getPerson());
        assertEquals("", ready(actor("actors/a", "")).getActor().getPerson());
        assertEquals("the actor's person persons/gone was not restored", refused(actor("actors/a", "persons/gone")));
    }

    @Test
    void aStatementNamesItsRestoredActorPersonsAndAnsweredClaims() {
        renames.stored(actor("actors/a", ""), ImportRecordResult.newBuilder().setName("actors/A").build());
        renames.stored(statement("statements/s0", "actors/a", claim("statements/s0/claims/c0", "", "persons/old-1")),
                ImportRecordResult.newBuilder().setName("statements/S0").addClaims("statements/S0/claims/C0").build());

        Statement sent = ready(statement("statements/s1", "actors/a",
                claim("statements/s1/claims/c1", "statements/s0/claims/c0", "persons/old-2", "persons/old-1")))
                .getStatement().getStatement();

        assertEquals("actors/A", sent.getActor());
        assertEquals(List.of("persons/new-2", "persons/new-1"), sent.getClaims(0).getSubjectPersonsList());
        assertEquals("statements/S0/claims/C0", sent.getClaims(0).getAnswers());
        assertEquals("", ready(statement("statements/s2", "")).getStatement().getStatement().getActor(),
                "a statement naming its actor by external id keeps it so");
    }

    @Test
    void whatWasNotRestoredRefusesTheStatementNamingIt() {
        assertEquals("its actor actors/x was not restored", refused(statement("statements/s", "actors/x")));
        renames.stored(actor("actors/a", ""), ImportRecordResult.newBuilder().setName("actors/A").build());
        assertEquals("claim 2's subject persons/gone was not restored", refused(statement("statements/s", "actors/a",
                claim("c1", "", "persons/old-1"), claim("c2", "", "persons/gone"))));
        renames.lost(statement("statements/r", "actors/a", claim("statements/r/claims/c", "")));
        assertEquals("the claim statements/r/claims/c that claim 1 answers was not restored",
                refused(statement("statements/s", "actors/a", claim("c1", "statements/r/claims/c"))));
    }

    @Test
    void anAnswerToAClaimNotStoredYetWaitsForItsBatchOrForLater() {
        renames.stored(actor("actors/a", ""), ImportRecordResult.newBuilder().setName("actors/A").build());
        ImportRecord answering = statement("statements/s", "actors/a", claim("c1", "statements/t/claims/c"));

        assertInstanceOf(Renames.AfterBatch.class, renames.rename(answering, Set.of("statements/t/claims/c")));
        assertEquals("statements/t/claims/c", assertInstanceOf(Renames.Later.class, renames.rename(answering, Set.of())).claim());
        assertEquals(List.of("statements/t/claims/c"), Renames.namesWithin(statement("statements/t", "actors/a",
                claim("statements/t/claims/c", ""))));
    }

    @Test
    void aStatementByAnActorOfTheBatchBeingFilledWaitsForThatBatch() {
        ImportRecord byNewActor = statement("statements/s", "actors/b");

        assertInstanceOf(Renames.AfterBatch.class, renames.rename(byNewActor, Set.of("actors/b")));
        assertEquals(List.of("actors/b"), Renames.namesWithin(actor("actors/b", "")));
        renames.stored(actor("actors/b", ""), ImportRecordResult.newBuilder().setName("actors/B").build());
        assertEquals("actors/B", ready(byNewActor).getStatement().getStatement().getActor());
    }
}
