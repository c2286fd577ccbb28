package io.habeas.statement.support;

import static io.habeas.statement.support.Fixtures.requestId;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import java.time.Instant;

/** Records changed over time, and the instants between the changes that as-of reads name. */
public abstract class HistoryCase extends GrpcTest {

    /**
     * An instant after every write so far and before every later one: a write's changes are known
     * from its transaction's start, which comes after this once the sleep is over.
     */
    protected static Timestamp instant() {
        Instant now = Instant.now();
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    /** The request with as_of set, when there is one. */
    @SuppressWarnings("unchecked")
    protected static <B extends Message.Builder> B at(B request, Timestamp asOf) {
        return asOf == null ? request
                : (B) request.setField(request.getDescriptorForType().findFieldByName("as_of"), asOf);
    }

    protected Statement retract(Statement statement) {
        return statements.retractStatement(RetractStatementRequest.newBuilder().setRequestId(requestId())
                .setName(statement.getName()).setEtag(statement.getEtag()).setReason("Attributed to the wrong speaker")
                .build()).getStatement();
    }
}
