package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.azerbaijaniAuthorities;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.audit.v1.ListReadAuditEntriesRequest;
import io.habeas.audit.v1.ReadAuditEntry;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.common.v1.AccessLevel;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ExportStatementRecordsRequest;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.Statement;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An export is a read like any other: the CONFIDENTIAL records it gives are in the read audit, the others not. */
@QuarkusTest
class ExportAuditGrpcTest extends ImportGrpcTest {
    private static final String AUDITOR = "auditor@habeas.test";

    @GrpcClient("audit")
    ReadAuditServiceGrpc.ReadAuditServiceBlockingStub auditChannel;

    @Test
    void theConfidentialRecordsAnExportGivesAreAudited() {
        String person = detention.knownPerson();
        Actor open = createActor(blinken());
        Actor secret = createActor(azerbaijaniAuthorities().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        createStatement(statement(open.getName(), date(2024, 5, 2), "Public").addClaims(
                claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.").addSubjectPersons(person)));
        Statement bySecret = createStatement(statement(secret.getName(), date(2024, 5, 2), "By a confidential actor")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "No.").addSubjectCountries("AZ")));

        Bearer.with(ImportServiceGrpc.newBlockingStub(channel), TestTokens.withGroups(AUDITOR, Role.Names.ADMIN))
                .exportStatementRecords(ExportStatementRecordsRequest.newBuilder().setPageSize(1).build())
                .forEachRemaining(chunk -> { });

        Set<String> audited = Bearer.as(auditChannel, Role.ADMIN).listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                        .setPrincipal(AUDITOR).setPageSize(500).build()).getEntriesList().stream()
                .filter(e -> e.getMethod().equals("habeas.statement.v1.ImportService/ExportStatementRecords"))
                .map(ReadAuditEntry::getResource).collect(Collectors.toSet());
        assertEquals(Set.of(secret.getName(), bySecret.getName()), audited);
    }
}
