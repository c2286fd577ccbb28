package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.habeas.suite.bench.CopyBaseline;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The import's baseline against a real PostgreSQL: it copies exactly the rows written since a point, and leaves nothing. */
class CopyBaselineTest {

    @Test
    void copiesOnlyTheRowsWrittenSinceThePointIntoScratchTablesItDropsAfter() throws Exception {
        try (Database database = ScratchDatabase.start("habeas-copy-test")) {
            String url = database.jdbcUrl("detention");
            try (Connection c = ScratchDatabase.connect(database, url)) {
                c.createStatement().execute("""
                        CREATE TABLE named (id int PRIMARY KEY, name text NOT NULL, folded text GENERATED ALWAYS AS (lower(name)) STORED);
                        CREATE INDEX named_by_folded ON named (folded);
                        CREATE TABLE untouched (id int PRIMARY KEY);
                        INSERT INTO named (id, name) SELECT n, 'Before ' || n FROM generate_series(1, 10) n;
                        INSERT INTO untouched SELECT generate_series(1, 3);""");
                CopyBaseline copy = new CopyBaseline(url, database.user(), database.password());
                long from = copy.nextTransactionId();
                c.createStatement().execute("INSERT INTO named (id, name) SELECT n, 'After ' || n FROM generate_series(11, 15) n");
                c.createStatement().execute("INSERT INTO named (id, name) VALUES (16, 'Later')");

                CopyBaseline.Result result = copy.copyRowsWrittenSince(from);

                assertEquals(6, result.rows());
                assertEquals(16, ScratchDatabase.count(c, "SELECT count(*) FROM named"));
                assertEquals(0, ScratchDatabase.count(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'habeas_bench_copy'"));
                assertFalse(result.seconds() < 0);
            }
        }
    }
}
