package io.habeas.support.imports;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.protobuf.StatusProto;
import io.habeas.support.grpc.GrpcErrors;

/**
 * A part of an import record that its single write would refuse: the whole record is rejected.
 * The path says where the part is in the record ("detentions[0].custody_events[1]", or empty for
 * the record's top part); the cause is the refusal as the single write answers it.
 */
public class RejectedPart extends RuntimeException {
    private final String path;

    public RejectedPart(String path, RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }

    public RuntimeException refusal() {
        return (RuntimeException) getCause();
    }

    /** The status the part's single write would answer, its field paths starting at the record. */
    public com.google.rpc.Status status() {
        com.google.rpc.Status status = StatusProto.fromThrowable(GrpcErrors.toStatus(refusal()));
        if (status == null || path.isEmpty()) {
            return status;
        }
        var rewritten = status.toBuilder().clearDetails();
        for (Any detail : status.getDetailsList()) {
            rewritten.addDetails(detail.is(BadRequest.class) ? Any.pack(underPath(unpack(detail))) : detail);
        }
        return rewritten.build();
    }

    private BadRequest underPath(BadRequest request) {
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
