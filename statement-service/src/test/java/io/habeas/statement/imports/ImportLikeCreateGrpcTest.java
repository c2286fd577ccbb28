package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.RevisionAction;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.habeas.statement.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A new statement stored with its batch's others leaves what CreateStatement leaves: the same
 * statement on reading, the same revision (level, principal, the record kept) and the same rows in
 * the feeds' projections.
 */
@QuarkusTest
class ImportLikeCreateGrpcTest extends ImportGrpcTest {
    @Inject
    EntityManager entityManager;

    /** What differs between two equal statements: their names, their claims' names, their times. */
    private static Statement anonymous(Statement statement) {
        var same = statement.toBuilder().clearName().clearCreateTime().clearUpdateTime();
        for (Claim.Builder claim : same.getClaimsBuilderList()) {
            claim.clearName();
        }
        return same.build();
    }

    private static Statement.Builder said(String actor, String person, String otherPerson) {
        return statement(actor, PartialDate.newBuilder().setYear(2024).setMonth(4).build(), "Call with President Aliyev")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).setSummary("Welcomed the release to house arrest.")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his full release.")
                        .addSubjectPersons(person).addSubjectPersons(otherPerson)
                        .setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Urged the release of others.")
                        .addSubjectCountries("AZ").addSubjectCountries("AM").setAddresseeCountry("AZ"));
    }

    /** The statement's projection rows without its ids, in a fixed order. */
    @SuppressWarnings("unchecked")
    private List<String> projections(String statementName) {
        String id = statementName.substring("statements/".length());
        List<Object> persons = entityManager.createNativeQuery("SELECT concat_ws(' ', c.position, p.person_id, p.made_sort,"
                        + " p.made_start, p.precision_rank, p.active) FROM claim_subject_person p JOIN claim c ON c.id = p.claim_id"
                        + " WHERE p.statement_id = cast(:s AS uuid) ORDER BY 1").setParameter("s", id).getResultList();
        List<Object> countries = entityManager.createNativeQuery("SELECT concat_ws(' ', c.position, x.country, x.subject,"
                        + " x.addressee, x.made_sort, x.made_start, x.precision_rank, x.active) FROM claim_country x"
                        + " JOIN claim c ON c.id = x.claim_id WHERE x.statement_id = cast(:s AS uuid) ORDER BY 1")
                .setParameter("s", id).getResultList();
        return Stream.concat(persons.stream(), countries.stream()).map(String::valueOf).toList();
    }

    @Test
    void aNewStatementImportedReadsKeepsItsRevisionAndFeedsAsCreateStatementLeavesIt() {
        String person = detention.knownPerson();
        String otherPerson = detention.knownPerson();
        var actorAnswer = send(batch(actor(blinken().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)
                .addExternalIds(id("wikidata", "Q311440"))))).only();
        String actor = actorAnswer.getResults(0).getName();
        var recorder = statementsAs(Role.RECORDER);

        Statement created = recorder.createStatement(CreateStatementRequest.newBuilder()
                .setStatement(said(actor, person, otherPerson)).setRequestId(Fixtures.requestId()).build()).getStatement();
        var answer = send(batch(ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder()
                .setStatement(said("", person, otherPerson)).setActorExternalId(id("wikidata", "Q311440"))).build())).only();

        assertEquals(1, answer.getCreated());
        String imported = answer.getResults(0).getName();
        Statement read = recorder.getStatement(GetStatementRequest.newBuilder().setName(imported).build()).getStatement();
        assertNotEquals(created.getName(), imported);
        assertEquals(read.getClaimsList().stream().map(Claim::getName).toList(), answer.getResults(0).getClaimsList());
        assertEquals(anonymous(created), anonymous(read));
        assertEquals(List.of(person, otherPerson), read.getClaims(0).getSubjectPersonsList());

        List<StatementRevision> fromCreate = statementRevisions(recorder, created.getName());
        List<StatementRevision> fromImport = statementRevisions(recorder, imported);
        assertEquals(1, fromImport.size());
        var revision = fromImport.get(0).getRevision();
        assertEquals(RevisionAction.REVISION_ACTION_CREATED, revision.getAction());
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, revision.getAccessLevel(), "its actor's level, the stricter");
        assertEquals(fromCreate.get(0).getRevision().getAccessLevel(), revision.getAccessLevel());
        assertEquals(fromCreate.get(0).getRevision().getPrincipal(), revision.getPrincipal());
        assertEquals(anonymous(fromCreate.get(0).getStatement()), anonymous(fromImport.get(0).getStatement()));
        assertEquals(imported, fromImport.get(0).getStatement().getName());

        assertEquals(projections(created.getName()), projections(imported));
        assertEquals(5, projections(imported).size(), "two persons of the first claim, AZ of both and AM");
    }
}
