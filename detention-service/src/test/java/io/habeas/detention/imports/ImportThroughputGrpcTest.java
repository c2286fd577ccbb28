package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.ImportCharge;
import io.habeas.detention.v1.ImportCourtEvent;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The import's rate beside the database's own limit, in one run on one machine: a batch of
 * realistic records through gRPC, then the very rows it stored written again by COPY into the
 * same tables (triggers and indexes alike). It logs the figures and asserts only what was stored:
 * a timed assertion would fail on a busy machine, not on a slow import.
 */
@QuarkusTest
class ImportThroughputGrpcTest extends ImportGrpcTest {
    private static final Logger LOG = Logger.getLogger(ImportThroughputGrpcTest.class);
    private static final int PERSONS = 500;
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    /** The tables an import of new records writes, parents first; person_external_id is kept by a trigger on person. */
    private static final List<String> TABLES = List.of("person", "detention", "detention_outcome", "custody_event", "charge",
            "court_event", "feed_entry", "revision", "request_log");

    @Inject
    AgroalDataSource dataSource;

    /** A person with one detention: ten custody events (a release last for every other one), three or two charges, a trial. */
    static ImportRecord realistic(int i) {
        int year = 2015 + i % 9;
        ImportDetention.Builder detention = ImportDetention.newBuilder().setImportKey("case-" + i)
                .setDetention(arrest("", date(year, 1, 1 + i % 28)).clearPerson());
        CustodyEventType[] types = {CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION,
                CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
                CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED,
                CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED,
                CustodyEventType.CUSTODY_EVENT_TYPE_SENTENCED, CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
                i % 2 == 0 ? CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE : CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER};
        for (int j = 0; j < types.length; j++) {
            detention.addCustodyEvents(ImportCustodyEvent.newBuilder().setImportKey("event-" + j)
                    .setCustodyEvent(event(types[j], date(year, 2 + j, 1))));
        }
        String[] articles = {"204.3.1", "167-3.1", "228"};
        for (int j = 0; j < 3 - i % 2; j++) {
            detention.addCharges(ImportCharge.newBuilder().setImportKey("charge-" + j)
                    .setCharge(charge(articles[j], date(year, 1, 28))));
        }
        detention.addCourtEvents(ImportCourtEvent.newBuilder().setImportKey("trial")
                .setCourtEvent(courtEvent(CourtEventType.COURT_EVENT_TYPE_TRIAL_OPENED, date(year, 8, 15))));
        return ImportRecord.newBuilder()
                .setPerson(person("Detainee " + i, "AZ").setDescription("Journalist held for reporting")
                        .addExternalIds(ExternalId.newBuilder().setScheme("partner").setValue("case-" + i)))
                .addDetentions(detention).build();
    }

    /**
     * The records in as few batches of equal size as the 1 MiB request limit allows: 500 realistic
     * records, each with its sources, are about 2 MiB.
     */
    static ImportRecordsRequest[] batches(List<ImportRecord> records) {
        for (int count = 1; ; count++) {
            int size = (records.size() + count - 1) / count;
            List<ImportRecordsRequest> batches = new ArrayList<>();
            for (int from = 0; from < records.size(); from += size) {
                batches.add(batch(records.subList(from, Math.min(records.size(), from + size)).toArray(ImportRecord[]::new)));
            }
            if (batches.stream().allMatch(b -> b.getSerializedSize() < MAX_REQUEST_BYTES - 1024)) {
                return batches.toArray(ImportRecordsRequest[]::new);
            }
        }
    }

    /** One round in verify; -Dhabeas.import.rounds=5 for figures steadier on a busy machine. */
    @Test
    void logsTheImportRateBesideCopyIntoTheSameTables() throws Exception {
        send(batches(IntStream.range(0, PERSONS).mapToObj(i -> realistic(PERSONS + i)).toList()));
        for (int round = Integer.getInteger("habeas.import.rounds", 1); round > 0; round--) {
            database.clear(); // the service warmed up, or the last round's rows gone
            importThenCopy();
        }
    }

    private void importThenCopy() throws Exception {
        ImportRecordsRequest[] requests = batches(IntStream.range(0, PERSONS).mapToObj(ImportThroughputGrpcTest::realistic).toList());

        long started = System.nanoTime();
        var answer = send(requests);
        double importSeconds = (System.nanoTime() - started) / 1e9;

        assertEquals(requests.length, answer.responses().size(), "every batch answered: " + answer.status());
        assertEquals(PERSONS, answer.responses().stream().mapToInt(r -> r.getCreated()).sum());
        long rows = rowsStored();
        Map<String, byte[]> dumped = dump();
        database.clear();
        double copySeconds = copy(dumped);
        assertEquals(rows, rowsStored(), "COPY stored the same rows");
        LOG.infof("import of %d realistic persons in %d equal batches under 1 MiB: %d rows in %.3f s through gRPC, %.0f rows/s, "
                + "%.0f persons/s; the same rows by COPY: %.3f s, %.0f rows/s; ratio %.3f", PERSONS, requests.length,
                rows, importSeconds, rows / importSeconds, PERSONS / importSeconds, copySeconds, rows / copySeconds,
                copySeconds / importSeconds);
    }

    /** Every row an import of new records stores, person_external_id included. */
    private long rowsStored() {
        long rows = database.count("person_external_id");
        for (String table : TABLES) {
            rows += database.count(table);
        }
        return rows;
    }

    private Map<String, byte[]> dump() throws Exception {
        Map<String, byte[]> dumped = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                copy.copyOut("COPY " + table + " (" + String.join(", ", writableColumns(connection, table))
                        + ") TO STDOUT (FORMAT binary)", rows);
                dumped.put(table, rows.toByteArray());
            }
        }
        return dumped;
    }

    /** COPY of every dumped table in one transaction, timed from the first row to the commit. */
    private double copy(Map<String, byte[]> dumped) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<String> statements = new ArrayList<>();
            for (String table : dumped.keySet()) {
                statements.add("COPY " + table + " (" + String.join(", ", writableColumns(connection, table))
                        + ") FROM STDIN (FORMAT binary)");
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            int i = 0;
            for (byte[] rows : dumped.values()) {
                copy.copyIn(statements.get(i++), new ByteArrayInputStream(rows));
            }
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** The columns a COPY may write: not the generated ones. */
    private static List<String> writableColumns(Connection connection, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (var query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    columns.add(found.getString(1));
                }
            }
        }
        return columns;
    }
}
