package io.habeas.support.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.habeas.kernel.errors.ConflictException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.text.HumanText;
import io.habeas.support.access.Caller;
import io.habeas.support.records.RequestLogEntry;
import io.habeas.support.records.RequestLogRetention;
import io.habeas.support.revisions.WriteRequest;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Runs a write at most once per client request id. The write, the record of its answer and
 * any failure share one transaction: a retry after a failure runs the write again, a retry
 * after a success gets the first answer's records, and nothing is stored twice.
 *
 * <p>The first answer is kept with each record in it reduced to its name ({@link ReplayedAnswers}):
 * a retry reads those records again as the caller's Get does now, so it shows them as they are,
 * NOT_FOUND when the caller may no longer see one, and the log holds no copy of any record. Entries
 * expire after {@code habeas.request-log.retention} ({@code RequestLogRetention}); a retry after that
 * runs the write again.
 */
@ApplicationScoped
public class IdempotentCalls {
    static final int MAX_REQUEST_ID = 64;

    @Inject
    Caller caller;
    @Inject
    WriteRequest writeRequest;
    @Inject
    CurrentRecords records;
    @Inject
    RequestLogRetention retention;

    /**
     * A correction ({@code Update*}): first the fields its update_mask names are checked against the
     * caller's role (access_level is an admin's), even for a retry, then it runs as {@link #once}.
     */
    @Transactional
    public <R extends Message> R correction(String requestId, Message request, FieldMask mask, Parser<R> answers,
            Supplier<R> write) {
        caller.requireAdminToChange(mask);
        return once(requestId, request, answers, write);
    }

    @Transactional
    public <R extends Message> R once(String requestId, Message request, Parser<R> answers, Supplier<R> write) {
        return identified("request_id", requestId, request, answers, write);
    }

    /**
     * As {@link #once(String, Message, Parser, Supplier)}, for a request whose id is its field {@code idField} (an
     * import's batch_id). Such a write stores a whole batch, so its transaction may last
     * habeas.import.transaction-timeout seconds (300 unless set) rather than the default minute: a batch the
     * documented limits allow, on a slow machine, must not be cut short into an INTERNAL.
     */
    @Transactional
    @TransactionConfiguration(timeout = 300, timeoutFromConfigProperty = "habeas.import.transaction-timeout")
    public <R extends Message> R once(String idField, String requestId, Message request, Parser<R> answers,
            Supplier<R> write) {
        return identified(idField, requestId, request, answers, write);
    }

    // Not through the proxy: a transaction's timeout is set only where it begins (the import's entry above).
    private <R extends Message> R identified(String idField, String requestId, Message request, Parser<R> answers,
            Supplier<R> write) {
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID
                || HumanText.problem(requestId, HumanText.Shape.LINE).isPresent()) {
            throw InvalidArgumentException.of(idField,
                    "is required: 1 to " + MAX_REQUEST_ID + " printable characters, a UUID per logical write");
        }
        String method = request.getDescriptorForType().getFullName();
        byte[] fingerprint = fingerprint(caller.name(), request, idField);
        try {
            return onceFor(requestId, method, fingerprint, answers, write);
        } catch (RuntimeException e) {
            throw new FailedWrite(requestId, e);
        }
    }

    private <R extends Message> R onceFor(String requestId, String method, byte[] fingerprint, Parser<R> answers,
            Supplier<R> write) {
        RequestLogEntry previous = RequestLogEntry.findById(requestId);
        if (previous != null && retention.expired(previous)) {
            // Forgotten, as if the purge had run: the id may be used again.
            previous.delete();
            RequestLogEntry.flush();
            previous = null;
        }
        if (previous != null) {
            if (!previous.method.equals(method) || !Arrays.equals(previous.fingerprint, fingerprint)) {
                throw new ConflictException(ConflictException.Kind.ALREADY_EXISTS, "REQUEST_ID_REUSED",
                        "request_id " + requestId + " was already used for a different request");
            }
            return ReplayedAnswers.reread(parse(answers, previous.response), records);
        }
        writeRequest.begin(requestId);
        R answer = write.get();
        RequestLogEntry entry = new RequestLogEntry();
        entry.requestId = requestId;
        entry.method = method;
        entry.fingerprint = fingerprint;
        entry.response = ReplayedAnswers.namesOnly(answer).toByteArray();
        entry.createdAt = OffsetDateTime.now();
        entry.persistAndFlush();
        return answer;
    }

    /**
     * SHA-256 of the caller's subject and the request without its request id, serialised
     * deterministically: another caller replaying an id gets ALREADY_EXISTS, never the first
     * caller's answer, which may hold what only the first caller may see.
     */
    private static byte[] fingerprint(String subject, Message request, String idField) {
        Message.Builder withoutId = request.toBuilder();
        withoutId.clearField(request.getDescriptorForType().findFieldByName(idField));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(subject.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            withoutId.build().writeTo(out);
            out.flush();
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R extends Message> R parse(Parser<R> answers, byte[] stored) {
        try {
            return answers.parseFrom(ByteString.copyFrom(stored));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored answer cannot be read", e);
        }
    }
}
