package io.habeas.statement.mapping;

import io.habeas.statement.service.ActorView;
import io.habeas.statement.service.BatchImport;
import io.habeas.statement.service.RecordExport;
import io.habeas.statement.service.StatementView;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ExportStatementRecordsResponse;
import io.habeas.statement.v1.ExportedRecord;
import io.habeas.statement.v1.ImportOutcome;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import io.habeas.statement.v1.Statement;
import java.util.List;

/** An import batch's results as its response; an export chunk's records in the import's shape. */
public final class ImportMapper {
    private ImportMapper() {
    }

    public static ImportStatementRecordsResponse toProto(String batchId, List<BatchImport.Result> results) {
        var response = ImportStatementRecordsResponse.newBuilder().setBatchId(batchId);
        int[] counts = new int[ImportOutcome.values().length];
        for (BatchImport.Result result : results) {
            var proto = ImportRecordResult.newBuilder().setPosition(result.position()).setName(result.name())
                    .addAllClaims(result.claims());
            if (result.rejected()) {
                proto.setOutcome(ImportOutcome.IMPORT_OUTCOME_REJECTED).setError(result.rejection().status());
            } else {
                proto.setOutcome(switch (result.effect()) {
                    case CREATED -> ImportOutcome.IMPORT_OUTCOME_CREATED;
                    case UPDATED -> ImportOutcome.IMPORT_OUTCOME_UPDATED;
                    case UNCHANGED -> ImportOutcome.IMPORT_OUTCOME_UNCHANGED;
                });
            }
            counts[proto.getOutcome().getNumber()]++;
            response.addResults(proto);
        }
        return response.setCreated(counts[ImportOutcome.IMPORT_OUTCOME_CREATED_VALUE])
                .setUpdated(counts[ImportOutcome.IMPORT_OUTCOME_UPDATED_VALUE])
                .setUnchanged(counts[ImportOutcome.IMPORT_OUTCOME_UNCHANGED_VALUE])
                .setRejected(counts[ImportOutcome.IMPORT_OUTCOME_REJECTED_VALUE]).build();
    }

    public static ExportStatementRecordsResponse toProto(RecordExport.Chunk chunk) {
        var response = ExportStatementRecordsResponse.newBuilder();
        chunk.actors().forEach(view -> response.addRecords(exported(view)));
        chunk.statements().forEach(view -> response.addRecords(exported(view)));
        return response.build();
    }

    /** The actor as CreateActor takes it, with its name. */
    private static ExportedRecord exported(ActorView view) {
        Actor actor = ActorMapper.toProto(view).toBuilder().clearCreateTime().clearUpdateTime().clearEtag().build();
        return ExportedRecord.newBuilder().setName(actor.getName()).setRecord(ImportRecord.newBuilder().setActor(actor)).build();
    }

    /** The statement as CreateStatement takes it, with its name, its claims' names and its import key. */
    private static ExportedRecord exported(StatementView view) {
        var statement = StatementMapper.toProto(view).toBuilder().clearActorCountry().clearState().clearRetractionReason()
                .clearCreateTime().clearUpdateTime().clearEtag().clearRetractedClaims();
        for (Claim.Builder claim : statement.getClaimsBuilderList()) {
            claim.clearCameoCode().clearAnsweredBy();
        }
        Statement built = statement.build();
        var imported = ImportStatement.newBuilder().setStatement(built);
        if (view.statement().importKey != null) {
            imported.setImportKey(view.statement().importKey);
        }
        return ExportedRecord.newBuilder().setName(built.getName()).setRecord(ImportRecord.newBuilder().setStatement(imported))
                .build();
    }
}
