package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;

import io.habeas.common.v1.ExternalId;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ExportStatementRecordsRequest;
import io.habeas.statement.v1.ExportedRecord;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import io.habeas.statement.v1.Statement;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.StreamedCall;
import io.quarkus.grpc.GrpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;

/** Import and export tests: the ImportService's streams through real stubs, as a recorder unless a test says otherwise. */
abstract class ImportGrpcTest extends GrpcTest {
    @GrpcClient("imports")
    io.grpc.Channel channel;
    protected ImportServiceGrpc.ImportServiceStub importsChannel;

    @BeforeEach
    void stub() {
        importsChannel = ImportServiceGrpc.newStub(channel);
    }

    static ExternalId id(String scheme, String value) {
        return ExternalId.newBuilder().setScheme(scheme).setValue(value).build();
    }

    static ImportRecord actor(Actor.Builder actor) {
        return ImportRecord.newBuilder().setActor(actor).build();
    }

    /** A statement by the actor holding the identifier, keyed, with one claim about the person. */
    static ImportRecord statementBy(ExternalId actor, String importKey, String title, String person) {
        return ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder().setImportKey(importKey)
                .setActorExternalId(actor).setStatement(statement("", date(2024, 5, 2), title)
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release them.").addSubjectPersons(person))))
                .build();
    }

    static ImportRecord statementOf(Statement.Builder statement) {
        return ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder().setStatement(statement)).build();
    }

    static ImportStatementRecordsRequest batch(ImportRecord... records) {
        return ImportStatementRecordsRequest.newBuilder().setBatchId(requestId()).addAllRecords(List.of(records)).build();
    }

    StreamedCall<ImportStatementRecordsResponse> send(ImportStatementRecordsRequest... batches) {
        return sendAs(Role.RECORDER, batches);
    }

    StreamedCall<ImportStatementRecordsResponse> sendAs(Role role, ImportStatementRecordsRequest... batches) {
        return ImportStream.send(Bearer.as(importsChannel, role), batches);
    }

    /** Every record of the export the role's caller gets, in the stream's order. */
    List<ExportedRecord> exportAs(Role role, int pageSize) {
        List<ExportedRecord> records = new ArrayList<>();
        Bearer.as(ImportServiceGrpc.newBlockingStub(channel), role).withDeadlineAfter(60, TimeUnit.SECONDS)
                .exportStatementRecords(ExportStatementRecordsRequest.newBuilder().setPageSize(pageSize).build())
                .forEachRemaining(chunk -> records.addAll(chunk.getRecordsList()));
        return records;
    }
}
