package io.habeas.suite.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: each scenario's rows read by plain prepared SQL straight from the two databases, as an
 * analyst may see them (PUBLIC and RESTRICTED), every column of every row fetched. The limit any API over
 * this schema can reach on this machine; one connection per database per load thread.
 */
public final class SqlReads implements AutoCloseable {
    private static final String[] CLEARED = {"PUBLIC", "RESTRICTED"};
    private static final int PAGE = 50;
    /** The application_name of the baseline's connections, by which its queries left running are found. */
    public static final String APPLICATION = "habeas-baseline";
    private static final long END_WAIT_MILLIS = 10_000;

    private final String detentionUrl;
    private final String statementUrl;
    private final String user;
    private final String password;
    private final Map<Thread, Connection[]> connections = new ConcurrentHashMap<>();
    private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());

    public SqlReads(String detentionUrl, String statementUrl, String user, String password) {
        this.detentionUrl = detentionUrl;
        this.statementUrl = statementUrl;
        this.user = user;
        this.password = password;
    }

    /** Person, detentions, a page of feed rows with their records, a page of claims about the person. */
    public void personTimeline(String person) throws SQLException {
        Connection d = detention();
        read(d, "SELECT * FROM person WHERE id = ?::uuid AND access_level = ANY (?)", person, levels(d));
        read(d, "SELECT * FROM detention WHERE person_id = ?::uuid AND access_level = ANY (?) ORDER BY start_sort, id",
                person, levels(d));
        read(d, """
                SELECT f.*, e.*, c.* FROM feed_entry f
                LEFT JOIN custody_event e ON e.id = f.record_id LEFT JOIN charge c ON c.id = f.record_id
                WHERE f.person_id = ?::uuid AND f.access_level = ANY (?)
                ORDER BY f.placed_sort, f.placed_rank, f.stage, f.id LIMIT %d""".formatted(PAGE), person, levels(d));
        claimsAbout(person);
    }

    /** The person and its external ids: what GetPerson answers. */
    public void person(String person) throws SQLException {
        Connection d = detention();
        read(d, "SELECT * FROM person WHERE id = ?::uuid AND access_level = ANY (?)", person, levels(d));
        read(d, "SELECT * FROM person_external_id WHERE person_id = ?::uuid", person);
    }

    /** The profile: the person, its detentions with their charges, and the calls for its release. */
    public void profile(String person) throws SQLException {
        person(person);
        Connection d = detention();
        read(d, "SELECT * FROM detention WHERE person_id = ?::uuid AND access_level = ANY (?) ORDER BY start_sort, id",
                person, levels(d));
        read(d, """
                SELECT c.* FROM charge c JOIN detention d ON d.id = c.detention_id
                WHERE d.person_id = ?::uuid AND c.access_level = ANY (?) ORDER BY c.filed_sort, c.id""", person, levels(d));
        Connection s = statement();
        read(s, """
                SELECT count(*) FROM claim_subject_person p JOIN claim c ON c.id = p.claim_id JOIN statement s ON s.id = p.statement_id
                WHERE p.person_id = ?::uuid AND p.active AND c.kind = 'CALL_FOR_RELEASE' AND s.access_level = ANY (?)""",
                person, levels(s));
    }

    /** A page of a country's feed rows with their records and persons, after {@code after} (null: the first page). */
    public void countryTimeline(String country, FeedKey after) throws SQLException {
        Connection d = detention();
        String keyset = after == null ? "" : " AND (f.placed_sort, f.placed_rank, f.stage, f.id) > (?::date, ?, ?, ?::uuid)";
        try (PreparedStatement page = d.prepareStatement("""
                SELECT f.*, e.*, c.*, p.display_name FROM feed_entry f
                LEFT JOIN custody_event e ON e.id = f.record_id LEFT JOIN charge c ON c.id = f.record_id
                JOIN person p ON p.id = f.person_id
                WHERE f.detaining_country = ? AND f.access_level = ANY (?) AND p.access_level = ANY (?)%s
                ORDER BY f.placed_sort, f.placed_rank, f.stage, f.id LIMIT %d""".formatted(keyset, PAGE))) {
            page.setString(1, country);
            page.setArray(2, levels(d));
            page.setArray(3, levels(d));
            if (after != null) {
                page.setString(4, after.placedSort());
                page.setInt(5, after.placedRank());
                page.setInt(6, after.stage());
                page.setString(7, after.id());
            }
            drain(page);
        }
        Connection s = statement();
        read(s, """
                SELECT cc.*, c.*, s.* FROM claim_country cc JOIN claim c ON c.id = cc.claim_id JOIN statement s ON s.id = cc.statement_id
                WHERE cc.country = ? AND cc.active AND s.access_level = ANY (?)
                ORDER BY cc.made_sort, cc.precision_rank, cc.claim_id LIMIT %d""".formatted(PAGE), country, levels(s));
    }

    /** A feed row's place in a country's order: where a deeper page starts. */
    public record FeedKey(String placedSort, int placedRank, int stage, String id) {
    }

    /** The key of the country's feed row at {@code offset}, or null when it has fewer rows. */
    public FeedKey countryFeedKeyAt(String country, int offset) throws SQLException {
        Connection d = detention();
        try (PreparedStatement key = d.prepareStatement("""
                SELECT f.placed_sort::text, f.placed_rank, f.stage, f.id::text FROM feed_entry f JOIN person p ON p.id = f.person_id
                WHERE f.detaining_country = ? AND f.access_level = ANY (?) AND p.access_level = ANY (?)
                ORDER BY f.placed_sort, f.placed_rank, f.stage, f.id OFFSET ? LIMIT 1""")) {
            key.setString(1, country);
            key.setArray(2, levels(d));
            key.setArray(3, levels(d));
            key.setInt(4, offset);
            try (ResultSet row = key.executeQuery()) {
                return row.next() ? new FeedKey(row.getString(1), row.getInt(2), row.getInt(3), row.getString(4)) : null;
            }
        }
    }

    /** The country summary's figures, each by one aggregate query. */
    public void countrySummary(String country) throws SQLException {
        Connection d = detention();
        // detention_outcome holds each detention's status and end as each clearance sees them.
        read(d, """
                SELECT count(*) FROM detention d JOIN detention_outcome o ON o.detention_id = d.id AND o.reader_level = 'RESTRICTED'
                WHERE d.detaining_country = ? AND d.access_level = ANY (?)
                AND o.current_status NOT IN ('RELEASED', 'DECEASED', 'ESCAPED')""", country, levels(d));
        read(d, """
                SELECT start_year, start_month, count(*) FROM detention WHERE detaining_country = ? AND access_level = ANY (?)
                GROUP BY start_year, start_month""", country, levels(d));
        read(d, """
                SELECT o.end_year, o.end_month, count(*) FROM detention d
                JOIN detention_outcome o ON o.detention_id = d.id AND o.reader_level = 'RESTRICTED'
                WHERE d.detaining_country = ? AND d.access_level = ANY (?) AND o.end_year IS NOT NULL
                GROUP BY o.end_year, o.end_month""", country, levels(d));
        read(d, """
                SELECT c.jurisdiction, c.legal_code, c.article, count(*), count(DISTINCT d.person_id)
                FROM charge c JOIN detention d ON d.id = c.detention_id
                WHERE d.detaining_country = ? AND c.access_level = ANY (?) AND d.access_level = ANY (?)
                GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 10""", country, levels(d), levels(d));
        Connection s = statement();
        read(s, """
                SELECT s.actor_country, count(*) FROM claim_country cc JOIN claim c ON c.id = cc.claim_id
                JOIN statement s ON s.id = cc.statement_id
                WHERE cc.country = ? AND cc.addressee AND cc.active AND c.kind = 'CALL_FOR_RELEASE' AND s.access_level = ANY (?)
                GROUP BY 1""", country, levels(s));
        read(s, """
                SELECT p.person_id, count(*) FROM claim_subject_person p JOIN claim c ON c.id = p.claim_id
                JOIN statement s ON s.id = p.statement_id
                WHERE c.addressee_country = ? AND p.active AND c.kind = 'CALL_FOR_RELEASE' AND s.access_level = ANY (?)
                GROUP BY 1 ORDER BY 2 DESC LIMIT 100""", country, levels(s));
    }

    /** Persons whose folded names contain the folded term, as the trigram index serves them. */
    public void search(String term) throws SQLException {
        Connection d = detention();
        read(d, """
                SELECT * FROM person WHERE search_folded LIKE '%' || habeas_fold(?) || '%' AND access_level = ANY (?)
                ORDER BY display_name, id LIMIT 50""", term, levels(d));
    }

    private void claimsAbout(String person) throws SQLException {
        Connection s = statement();
        read(s, """
                SELECT p.*, c.*, s.* FROM claim_subject_person p JOIN claim c ON c.id = p.claim_id JOIN statement s ON s.id = p.statement_id
                WHERE p.person_id = ?::uuid AND p.active AND s.access_level = ANY (?)
                ORDER BY p.made_sort, p.precision_rank, p.claim_id LIMIT %d""".formatted(PAGE), person, levels(s));
    }

    private static void read(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            drain(query);
        }
    }

    /** Reads every column of every row, as a service mapping them would. */
    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
    }

    private static Array levels(Connection connection) throws SQLException {
        return connection.createArrayOf("varchar", CLEARED);
    }

    private Connection detention() throws SQLException {
        return own()[0];
    }

    private Connection statement() throws SQLException {
        return own()[1];
    }

    private Connection[] own() throws SQLException {
        Connection[] mine = connections.get(Thread.currentThread());
        if (mine == null) {
            mine = new Connection[] {open(detentionUrl), open(statementUrl)};
            connections.put(Thread.currentThread(), mine);
        }
        return mine;
    }

    private Connection open(String url) throws SQLException {
        // Server-side prepared statements from the first use: the baseline is prepared SQL.
        Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                + "prepareThreshold=1&ApplicationName=" + APPLICATION, user, password);
        opened.add(connection);
        return connection;
    }

    /**
     * Ends the baseline's connections, with the queries still running on them: PostgreSQL does not see a
     * closed client until it answers, so a query the load gave up on (the country summary takes a minute at a
     * million persons) would otherwise go on into the next scenario and slow it.
     */
    @Override
    public void close() {
        endQueriesLeftRunning();
        synchronized (opened) {
            for (Connection connection : opened) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing at the end of the run
                }
            }
            opened.clear();
        }
        connections.clear();
    }

    private void endQueriesLeftRunning() {
        try (Connection admin = DriverManager.getConnection(detentionUrl, user, password);
                PreparedStatement end = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND state = 'active'")) {
            end.setString(1, APPLICATION);
            long until = System.currentTimeMillis() + END_WAIT_MILLIS;
            while (System.currentTimeMillis() < until && count(end) > 0) {
                Thread.sleep(100);
            }
        } catch (SQLException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not end the baseline's queries left running", e);
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
