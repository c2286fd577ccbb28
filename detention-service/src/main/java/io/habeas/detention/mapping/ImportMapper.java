package io.habeas.detention.mapping;

import io.habeas.detention.service.BatchImport;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecordResult;
import io.habeas.detention.v1.ImportRecordsResponse;
import java.util.List;

/** An import batch's results as its response. */
public final class ImportMapper {
    private ImportMapper() {
    }

    public static ImportRecordsResponse toProto(String batchId, List<BatchImport.Result> results) {
        var response = ImportRecordsResponse.newBuilder().setBatchId(batchId);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (BatchImport.Result result : results) {
            var proto = ImportRecordResult.newBuilder().setPosition(result.position()).setPerson(result.person());
            if (result.rejected()) {
                rejected++;
                proto.setOutcome(ImportOutcome.IMPORT_OUTCOME_REJECTED).setError(result.rejection().status());
            } else {
                switch (result.effect()) {
                    case CREATED -> {
                        created++;
                        proto.setOutcome(ImportOutcome.IMPORT_OUTCOME_CREATED);
                    }
                    case UPDATED -> {
                        updated++;
                        proto.setOutcome(ImportOutcome.IMPORT_OUTCOME_UPDATED);
                    }
                    case UNCHANGED -> {
                        unchanged++;
                        proto.setOutcome(ImportOutcome.IMPORT_OUTCOME_UNCHANGED);
                    }
                }
            }
            response.addResults(proto);
        }
        return response.setCreated(created).setUpdated(updated).setUnchanged(unchanged).setRejected(rejected).build();
    }
}
