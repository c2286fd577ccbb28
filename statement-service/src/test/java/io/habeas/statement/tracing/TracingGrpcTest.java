package io.habeas.statement.tracing;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.kernel.testing.RecordedSpans;
import io.habeas.kernel.testing.Traced;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured, a write is a server span with, under it, its call to detention-service (which
 * continues the trace there: W3C traceparent) and its JDBC statements; no span holds the statement's texts.
 */
@QuarkusTest
@TestProfile(Traced.class)
class TracingGrpcTest extends GrpcTest {
    private static final String TITLE = "Readout no span may quote";
    private static final String TEXT = "Called for the release of a traced economist";

    @Inject
    RecordedSpans spans;

    @Test
    void aWriteHoldsItsPersonCheckAndItsStatementsInOneTraceWithoutItsTexts() {
        String person = detention.knownPerson();
        String actor = createActor(blinken()).getName();
        spans.clear();
        int earlierCalls = detention.traceparents().size();

        statements.createStatement(CreateStatementRequest.newBuilder().setRequestId(requestId())
                .setStatement(statement(actor, date(2024, 4, 0), TITLE)
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, TEXT).addSubjectPersons(person)))
                .build());

        SpanData server = spans.server("habeas.statement.v1.StatementService/CreateStatement");
        List<SpanData> trace = spans.ofTrace(server.getTraceId());
        SpanData check = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && s.getName().equals("habeas.detention.v1.PersonService/ListPersons")).findFirst()
                .orElseThrow(() -> new AssertionError("no call to detention-service in " + trace));
        assertTrue(spans.descendsFrom(check, server));
        assertEquals(List.of("00-" + server.getTraceId() + "-" + check.getSpanId() + "-01"), detention.traceparents().subList(earlierCalls, detention.traceparents().size()),
                "detention-service's side of the call continues the trace under the client span");

        List<SpanData> statements = trace.stream().filter(RecordedSpans::isStatement).toList();
        assertTrue(statements.stream().anyMatch(s -> String.valueOf(RecordedSpans.text(s, "db.statement"))
                .toLowerCase(Locale.ROOT).startsWith("insert into statement")), statements::toString);
        statements.forEach(s -> assertTrue(spans.descendsFrom(s, server), s::toString));
        for (SpanData span : trace) {
            for (String attribute : RecordedSpans.attributeTexts(span)) {
                assertFalse(attribute.contains(TITLE) || attribute.contains(TEXT), () -> span.getName() + " holds " + attribute);
            }
        }
    }
}
