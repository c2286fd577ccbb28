package io.habeas.suite.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The import's baseline: the very rows an import wrote (every table, found by the transaction ids that wrote
 * them) copied with PostgreSQL's COPY into empty copies of the same tables (same columns, indexes, defaults and
 * checks; no foreign keys or triggers) in a scratch schema, committed, then dropped.
 */
public final class CopyBaseline {
    private static final String SCRATCH = "habeas_bench_copy";

    /** Rows copied and how long COPY and its commit took. */
    public record Result(long rows, double seconds) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    private final String url;
    private final String user;
    private final String password;

    public CopyBaseline(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The first transaction id not yet assigned: rows written after this call carry this or a later one. */
    public long nextTransactionId() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** COPY of every row written since {@code fromTransaction} into the scratch copies of their tables. */
    public Result copyRowsWrittenSince(long fromTransaction) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, String> columns = storedColumns(c);
            Map<String, byte[]> data = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (var table : columns.entrySet()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                // xmin is 32 bits of the 64-bit transaction id.
                long rows = copy.copyOut("COPY (SELECT %s FROM public.%s WHERE xmin::text::bigint >= %d) TO STDOUT (FORMAT binary)"
                        .formatted(table.getValue(), table.getKey(), fromTransaction % (1L << 32)), out);
                if (rows > 0) {
                    data.put(table.getKey(), out.toByteArray());
                    counts.put(table.getKey(), rows);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
                s.execute("CREATE SCHEMA " + SCRATCH);
                for (String table : data.keySet()) {
                    s.execute("CREATE TABLE %s.%s (LIKE public.%s INCLUDING ALL)".formatted(SCRATCH, table, table));
                }
            }
            c.setAutoCommit(false);
            long began = System.nanoTime();
            long rows = 0;
            for (var table : data.entrySet()) {
                rows += copy.copyIn("COPY %s.%s (%s) FROM STDIN (FORMAT binary)".formatted(SCRATCH, table.getKey(),
                        columns.get(table.getKey())), new ByteArrayInputStream(table.getValue()));
            }
            c.commit();
            double seconds = (System.nanoTime() - began) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
            }
            return new Result(rows, seconds);
        }
    }

    /** Each public table (but Flyway's) with its stored, not generated, columns. */
    private static Map<String, String> storedColumns(Connection c) throws SQLException {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND is_generated = 'NEVER' AND table_name <> 'flyway_schema_history'
                AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
                ORDER BY table_name, ordinal_position""");
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                byTable.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add('"' + r.getString(2) + '"');
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        byTable.forEach((table, names) -> columns.put(table, String.join(", ", names)));
        return columns;
    }
}
