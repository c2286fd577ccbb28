package io.habeas.detention.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.habeas.detention.v1.ExportRecordsRequest;
import io.habeas.detention.v1.ExportRecordsResponse;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The export in chunks: sizes, resumption, bad requests, and what a chunk costs the database (the
 * same statements whatever its size, each served by an index).
 */
@QuarkusTest
class ExportChunksGrpcTest extends ExportGrpcTest {
    private static final Logger LOG = Logger.getLogger(ExportChunksGrpcTest.class);

    private void importPersons(int count) {
        ImportRecord[] records = IntStream.range(0, count).mapToObj(i -> detained("Person " + i)).toArray(ImportRecord[]::new);
        send(batch(records)).only();
    }

    private static List<Integer> sizes(ExportCall call) {
        return call.responses().stream().map(ExportRecordsResponse::getRecordsCount).toList();
    }

    @Test
    void anExportComesInChunksOfThePageSizeAndTheLastHasNoToken() {
        importPersons(7);

        ExportCall call = export(Role.ANALYST, 3);

        assertEquals(Status.Code.OK, call.status().getCode());
        assertEquals(List.of(3, 3, 1), sizes(call));
        assertFalse(call.responses().get(1).getNextPageToken().isEmpty());
        assertTrue(call.responses().get(2).getNextPageToken().isEmpty());
        assertEquals(List.of(7), sizes(export(Role.ANALYST, 0)), "100 by default");
        assertEquals(List.of(7), sizes(export(Role.ANALYST, 100_000)), "a larger size is read as 500");
    }

    @Test
    void aTokenResumesAfterItsChunk() {
        importPersons(7);
        ExportCall whole = export(Role.ANALYST, 3);

        ExportCall resumed = export(Role.ANALYST, ExportRecordsRequest.newBuilder().setPageSize(3)
                .setPageToken(whole.responses().get(0).getNextPageToken()).build());

        assertEquals(List.of(3, 1), sizes(resumed));
        assertEquals(whole.records().subList(3, 7), resumed.records());
    }

    @Test
    void anEmptyExportIsOneEmptyResponse() {
        ExportCall call = export(Role.ADMIN, 0);

        assertEquals(List.of(0), sizes(call));
        assertTrue(call.responses().get(0).getNextPageToken().isEmpty());
    }

    @Test
    void aNegativePageSizeIsInvalidAndNothingIsSent() throws Exception {
        importPersons(1);

        assertInvalid(export(Role.VIEWER, -1), "page_size");
    }

    @Test
    void aTokenThatIsNotOneOrOfAnotherClearanceIsInvalid() throws Exception {
        importPersons(4);
        String adminsToken = export(Role.ADMIN, 2).responses().get(0).getNextPageToken();

        assertInvalid(export(Role.VIEWER, ExportRecordsRequest.newBuilder().setPageToken("not-a-token").build()), "page_token");
        assertInvalid(export(Role.ANALYST, ExportRecordsRequest.newBuilder().setPageSize(2).setPageToken(adminsToken).build()),
                "page_token");
    }

    @Test
    void aChunkRunsTheSameIndexedStatementsWhateverItsSize() {
        List<Integer> counts = new java.util.ArrayList<>();
        for (int size : new int[] {2, 12}) {
            database.clear();
            importPersons(size);
            export(Role.ANALYST, 0).records(); // column lists are read once, before the log starts
            SqlLog.clear();

            assertEquals(size, export(Role.ANALYST, 0).records().size());

            List<String> statements = SqlLog.statements();
            LOG.infof("export of %d persons with a detention, custody event, charge and incident each: %d statements",
                    size, statements.size());
            counts.add(statements.size());
            for (String statement : statements) {
                String plan = database.plan(statement);
                assertFalse(plan.contains("Seq Scan"), statement + "\n" + plan);
            }
        }
        assertEquals(counts.get(0), counts.get(1));
        assertEquals(6, counts.get(1), "persons, then detentions, custody events, charges, court events, incidents");
    }

    private static void assertInvalid(ExportCall call, String field) throws InvalidProtocolBufferException {
        assertEquals(Status.Code.INVALID_ARGUMENT, call.status().getCode(), call.status().toString());
        assertEquals(List.of(), call.responses());
        BadRequest bad = call.details().getDetails(0).unpack(BadRequest.class);
        assertEquals(field, bad.getFieldViolations(0).getField());
    }
}
