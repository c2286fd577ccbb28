package io.habeas.detention.mapping;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.protobuf.StatusProto;
import io.habeas.detention.service.BatchImport;
import io.habeas.detention.service.RejectedPart;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecordResult;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.support.grpc.GrpcErrors;
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
                proto.setOutcome(ImportOutcome.IMPORT_OUTCOME_REJECTED).setError(error(result.rejection()));
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

    /** The status the part's single write would answer, its field paths starting at the record. */
    static com.google.rpc.Status error(RejectedPart part) {
        com.google.rpc.Status status = StatusProto.fromThrowable(GrpcErrors.toStatus(part.refusal()));
        if (status == null || part.path().isEmpty()) {
            return status;
        }
        var rewritten = status.toBuilder().clearDetails();
        for (Any detail : status.getDetailsList()) {
            rewritten.addDetails(detail.is(BadRequest.class) ? Any.pack(underPath(unpack(detail), part.path())) : detail);
        }
        return rewritten.build();
    }

    private static BadRequest underPath(BadRequest request, String path) {
        var moved = BadRequest.newBuilder();
        request.getFieldViolationsList().forEach(v -> moved.addFieldViolations(v.toBuilder().setField(path + "." + v.getField())));
        return moved.build();
    }

    private static BadRequest unpack(Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a BadRequest detail that is not one", e);
        }
    }
}
