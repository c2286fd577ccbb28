package io.habeas.detention.tracing;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.kernel.testing.RecordedSpans;
import io.habeas.kernel.testing.Traced;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured, a gRPC call is a server span and each JDBC statement it runs a span under it,
 * in one trace; no span holds a stored value (names, texts, a search's query), only SQL with placeholders.
 */
@QuarkusTest
@TestProfile(Traced.class)
class TracingGrpcTest extends GrpcTest {
    private static final String NAME = "Tracer Quillfeather";
    private static final String ALIAS = "Трейсер Квиллфезер";
    private static final String DESCRIPTION = "economist whose name no span may show";
    private static final String QUERY = "Quillfeathr";

    @Inject
    RecordedSpans spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.clear();
    }

    @Test
    void aWriteIsAServerSpanOverItsStatementsWithoutAnyStoredValue() {
        Person created = createPerson(ibadoglu().setDisplayName(NAME).setAliases(0, ibadoglu().getAliases(0).toBuilder()
                .setName(ALIAS)).setDescription(DESCRIPTION));

        SpanData server = spans.server("habeas.detention.v1.PersonService/CreatePerson");
        List<SpanData> statements = statementsUnder(server);
        assertTrue(statements.stream().anyMatch(s -> sql(s).startsWith("insert into person")),
                () -> "no insert of the person among " + statements.stream().map(TracingGrpcTest::sql).toList());
        assertNoStoredValue(server.getTraceId(), NAME, ALIAS, DESCRIPTION, created.getSources(0).getUrl(),
                created.getName().substring("persons/".length()));
    }

    @Test
    void aSearchsQueryTextIsNeverInItsSpans() {
        createPerson(ibadoglu().setDisplayName(NAME));
        spans.clear();

        assertEquals(1, persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery(QUERY).build()).getMatchesCount());

        SpanData server = spans.server("habeas.detention.v1.PersonService/SearchPersons");
        assertFalse(statementsUnder(server).isEmpty());
        assertNoStoredValue(server.getTraceId(), QUERY, QUERY.toLowerCase(Locale.ROOT), NAME);
    }

    /** The JDBC statement spans of the server span's trace, each checked to descend from it. */
    private List<SpanData> statementsUnder(SpanData server) {
        List<SpanData> statements = spans.ofTrace(server.getTraceId()).stream().filter(RecordedSpans::isStatement).toList();
        assertFalse(statements.isEmpty(), () -> "no JDBC span in " + spans.ofTrace(server.getTraceId()));
        for (SpanData statement : statements) {
            assertTrue(spans.descendsFrom(statement, server), () -> statement + " is not under " + server);
        }
        return statements;
    }

    /** The statement's SQL as the span holds it (db.statement, or db.query.text in newer conventions). */
    private static String sql(SpanData statement) {
        String text = RecordedSpans.text(statement, "db.statement");
        return (text != null ? text : String.valueOf(RecordedSpans.text(statement, "db.query.text"))).toLowerCase(Locale.ROOT);
    }

    private void assertNoStoredValue(String traceId, String... values) {
        for (SpanData span : spans.ofTrace(traceId)) {
            for (String attribute : RecordedSpans.attributeTexts(span)) {
                for (String value : values) {
                    assertFalse(attribute.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                            () -> span.getName() + " holds " + attribute);
                }
            }
        }
    }
}
