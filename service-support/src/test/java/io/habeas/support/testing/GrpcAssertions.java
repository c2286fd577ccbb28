package io.habeas.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.kernel.errors.FieldViolation;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;

/** Checks the google.rpc.Status a call fails with, details included. */
public final class GrpcAssertions {
    private GrpcAssertions() {
    }

    public static com.google.rpc.Status fails(Status.Code code, Executable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, failure.getStatus().getCode(), failure.getStatus().getDescription());
        return StatusProto.fromThrowable(failure);
    }

    /** The call fails with INVALID_ARGUMENT naming exactly these fields. */
    public static List<BadRequest.FieldViolation> failsOnFields(Executable call, String... fields) {
        com.google.rpc.Status status = fails(Status.Code.INVALID_ARGUMENT, call);
        BadRequest badRequest = detail(status, BadRequest.class);
        assertEquals(new TreeSet<>(List.of(fields)), new TreeSet<>(badRequest.getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField).toList()), badRequest.toString());
        return badRequest.getFieldViolationsList();
    }

    /** The call fails with FAILED_PRECONDITION of this type. */
    public static void failsPrecondition(String type, Executable call) {
        com.google.rpc.Status status = fails(Status.Code.FAILED_PRECONDITION, call);
        assertEquals(type, detail(status, PreconditionFailure.class).getViolations(0).getType());
        assertEquals(type, detail(status, ErrorInfo.class).getReason());
    }

    public static <T extends com.google.protobuf.Message> T detail(com.google.rpc.Status status, Class<T> type) {
        try {
            for (var any : status.getDetailsList()) {
                if (any.is(type)) {
                    return any.unpack(type);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status);
    }
}
