package io.habeas.detention.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V7 on charges stored before it, in a database of their own migrated to V6: Russian and Belarusian
 * bare dotted or hyphenated numbers become articles, in the charges and in their kept versions
 * alike, and nothing else changes.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LegalReferencesMigrationTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private record Row(String jurisdiction, String reference, String article, String part, String clause,
            String subclause, String source, long version) {
    }

    @Test
    void russianAndBelarusianDottedArticlesAreReadAgainAndEverythingElseIsLeftAsItWas() throws SQLException {
        String database = "habeas_v7_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String databaseUrl = url.replaceFirst("/habeas(\\?|$)", "/" + database + "$1");
        Flyway flyway = Flyway.configure().dataSource(databaseUrl, user, password)
                .locations("classpath:db/habeas-support", "classpath:db/migration").target("6").load();
        flyway.migrate();

        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement statement = connection.createStatement()) {
            // As the parser before V7 stored them: every reference read as Azerbaijan numbers articles.
            statement.execute("SET session_replication_role = replica"); // no persons or detentions needed
            insert(statement, "charge", "RU", "284.1", "284", "1", null, 3);
            insert(statement, "charge", "BY", "361-1", "361-1", null, null, 1);
            insert(statement, "charge", "BY", "207.3", "207", "3", null, 1);
            insert(statement, "charge", "RU", "280.3.1", "280", "3", "1", 1);
            insert(statement, "charge", "AZ", "204.3.1", "204", "3", "1", 1);
            insert(statement, "charge", "KZ", "12.3", "12", "3", null, 1);
            insert(statement, "charge_history", "RU", "284.1", "284", "1", null, 2);
            insert(statement, "charge_history", "AZ", "204.3", "204", "3", null, 1);
            statement.execute("SET session_replication_role = origin");
        }

        Flyway.configure().dataSource(databaseUrl, user, password)
                .locations("classpath:db/habeas-support", "classpath:db/migration").target("7").load().migrate();

        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password)) {
            assertEquals(List.of(
                    new Row("AZ", "204.3.1", "204", "3", "1", null, "PARSED", 1),
                    new Row("BY", "207.3", "207.3", null, null, null, "PARSED", 1),
                    new Row("BY", "361-1", "361-1", null, null, null, "PARSED", 1),
                    new Row("KZ", "12.3", "12", "3", null, null, "PARSED", 1),
                    new Row("RU", "280.3.1", "280", "3", "1", null, "PARSED", 1),
                    new Row("RU", "284.1", "284.1", null, null, null, "PARSED", 3)), rows(connection, "charge"));
            assertEquals(List.of(
                    new Row("AZ", "204.3", "204", "3", null, null, "PARSED", 1),
                    new Row("RU", "284.1", "284.1", null, null, null, "PARSED", 2)), rows(connection, "charge_history"));
            try (Statement statement = connection.createStatement();
                    ResultSet kept = statement.executeQuery("SELECT count(*) FROM charge WHERE recorded_from <> '2024-02-01'")) {
                kept.next();
                assertEquals(0, kept.getInt(1), "no charge became a new version");
            }
        }
    }

    private static void insert(Statement statement, String table, String jurisdiction, String reference, String article,
            String part, String clause, long version) throws SQLException {
        statement.execute("INSERT INTO " + table + " (id, detention_id, jurisdiction, legal_code, article_reference, article,"
                + " article_part, article_clause, filed_year, filed_sort, precision_rank, status, status_history,"
                + " access_level, sources, state, created_at, updated_at, version, recorded_from"
                + (table.endsWith("_history") ? ", recorded_until" : "") + ") VALUES (gen_random_uuid(), gen_random_uuid(), '"
                + jurisdiction + "', 'Criminal Code', '" + reference + "', '" + article + "', " + literal(part) + ", "
                + literal(clause) + ", 2024, '2024-01-01', 1, 'FILED', '[]', 'PUBLIC', '[]', 'ACTIVE', '2024-02-01',"
                + " '2024-02-01', " + version + ", '2024-02-01'" + (table.endsWith("_history") ? ", '2024-03-01'" : "") + ")");
    }

    private static String literal(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static List<Row> rows(Connection connection, String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(
                "SELECT jurisdiction, article_reference, article, article_part, article_clause, article_subclause,"
                        + " article_structure_source, version FROM " + table + " ORDER BY jurisdiction, article_reference")) {
            while (r.next()) {
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getLong(8)));
            }
        }
        return rows;
    }
}
