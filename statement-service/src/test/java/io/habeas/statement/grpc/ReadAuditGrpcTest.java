package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.audit.v1.ListReadAuditEntriesRequest;
import io.habeas.audit.v1.ReadAuditEntry;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which answers leave read audit entries in statement-service: a statement or an actor whose
 * effective level is CONFIDENTIAL (its own, its speaker's, a statement it answers, or a person
 * behind it, as detention-service gives that person's level), one with a CONFIDENTIAL source,
 * and every CONFIDENTIAL record an answer names; nothing else.
 */
@QuarkusTest
class ReadAuditGrpcTest extends GrpcTest {
    private static final String AUDITOR = "auditor@habeas.test";
    private static final AccessLevel PUBLIC = AccessLevel.ACCESS_LEVEL_PUBLIC;
    private static final AccessLevel CONFIDENTIAL = AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;

    @GrpcClient("actors")
    ActorServiceGrpc.ActorServiceBlockingStub actorChannel;
    @GrpcClient("statements")
    StatementServiceGrpc.StatementServiceBlockingStub statementChannel;
    @GrpcClient("audit")
    ReadAuditServiceGrpc.ReadAuditServiceBlockingStub auditChannel;

    private ActorServiceGrpc.ActorServiceBlockingStub auditorActors;
    private StatementServiceGrpc.StatementServiceBlockingStub auditorStatements;
    private Actor blinken;

    @BeforeEach
    void readAsAnAuditor() {
        String token = TestTokens.withGroups(AUDITOR, Role.Names.ADMIN);
        auditorActors = Bearer.with(actorChannel, token);
        auditorStatements = Bearer.with(statementChannel, token);
        blinken = createActor(blinken());
    }

    private Statement say(String actor, AccessLevel level, String... persons) {
        return createStatement(statement(actor, date(2024, 4, 0), "Call with President Aliyev").setAccessLevel(level)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for their release")
                        .addAllSubjectPersons(List.of(persons)).addSubjectCountries("AZ")));
    }

    @Test
    void publicStatementsOfAPublicSpeakerAboutPublicPersonsLeaveNone() {
        String person = detention.knownPerson();
        Statement said = say(blinken.getName(), PUBLIC, person);

        auditorStatements.getStatement(GetStatementRequest.newBuilder().setName(said.getName()).build());
        auditorStatements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).build());
        auditorStatements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(person).build());
        auditorActors.getActor(GetActorRequest.newBuilder().setName(blinken.getName()).build());

        assertEquals(List.of(), entries());
    }

    @Test
    void aPublicStatementAboutAConfidentialPersonCountsAndNamesThePerson() {
        String person = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Statement said = say(blinken.getName(), PUBLIC, person);

        auditorStatements.getStatement(GetStatementRequest.newBuilder().setName(said.getName()).build());
        assertEquals(Set.of(said.getName(), person), audited("habeas.statement.v1.StatementService/GetStatement"));

        auditorStatements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).build());
        assertEquals(Set.of(said.getName(), person), audited("habeas.statement.v1.StatementService/ListPersonClaims"));
    }

    @Test
    void aPublicStatementOfAConfidentialSpeakerCountsAndNamesTheSpeaker() {
        Actor informant = createActor(blinken().setDisplayName("Confidential Informant").setAccessLevel(CONFIDENTIAL));
        String person = detention.knownPerson();
        Statement said = say(informant.getName(), PUBLIC, person);

        auditorStatements.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("US").build());
        assertEquals(Set.of(said.getName(), informant.getName()),
                audited("habeas.statement.v1.StatementService/ListCountryStatements"));

        auditorStatements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(person).build());
        assertEquals(Set.of(informant.getName()), audited("habeas.statement.v1.StatementService/GetReleaseCallSummary"),
                "the summary gives the speaker's name");
    }

    @Test
    void anActorIsConfidentialThroughItsPerson() {
        String person = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Actor himself = createActor(detainedPerson("Protected Witness", person).setAccessLevel(PUBLIC));

        auditorActors.getActor(GetActorRequest.newBuilder().setName(himself.getName()).build());

        assertEquals(Set.of(himself.getName(), person), audited("habeas.statement.v1.ActorService/GetActor"));
    }

    @Test
    void aConfidentialSourceOfAPublicStatementCountsForWhoeverIsGivenIt() {
        Statement said = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Readout")
                .addSources(Source.newBuilder().setPublisher("Informant").setTitle("Account given in confidence")
                        .setAccessLevel(CONFIDENTIAL))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectCountries("AZ")));

        auditorStatements.listStatements(ListStatementsRequest.getDefaultInstance());
        assertEquals(Set.of(said.getName()), audited("habeas.statement.v1.StatementService/ListStatements"));

        String analyst = TestTokens.withGroups("analyst-reader@habeas.test", Role.Names.ANALYST);
        Bearer.with(statementChannel, analyst).getStatement(GetStatementRequest.newBuilder().setName(said.getName()).build());
        assertEquals(List.of(), entriesOf("analyst-reader@habeas.test"), "the analyst is not given the informant");
    }

    private List<ReadAuditEntry> entries() {
        return entriesOf(AUDITOR);
    }

    private List<ReadAuditEntry> entriesOf(String principal) {
        return Bearer.as(auditChannel, Role.ADMIN).listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setPrincipal(principal).setPageSize(500).build()).getEntriesList();
    }

    /** The records the auditor was given through this method, each entry once. */
    private Set<String> audited(String method) {
        List<String> names = entries().stream().filter(e -> e.getMethod().equals(method))
                .map(ReadAuditEntry::getResource).toList();
        assertEquals(names.size(), new TreeSet<>(names).size(), "one entry per record: " + names);
        return Set.copyOf(names);
    }
}
