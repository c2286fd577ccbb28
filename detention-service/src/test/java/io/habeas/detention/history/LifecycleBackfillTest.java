package io.habeas.detention.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Migration V11 places the feed entries stored before it: a database migrated to V10 holds entries
 * as the service wrote them then; after V11 they read in lifecycle order, and the history keeps
 * them as they were.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LifecycleBackfillTest {
    private static final String PERSON = "0190a0e0-0000-7000-8000-000000000001";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void entriesStoredBeforeV11ArePlacedInTheirDetentionsLifecycle() throws SQLException {
        String database = "backfill_" + System.nanoTime();
        try (Connection admin = dataSource.getConnection(); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        }
        String databaseUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        FluentConfiguration flyway = Flyway.configure().dataSource(databaseUrl, "postgres", "postgres")
                .locations("classpath:db/habeas-support", "classpath:db/migration");
        flyway.target(lastBefore(flyway, "11")).load().migrate();
        try (Connection db = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO person (id, display_name, aliases, citizenships, access_level, sources, search_names,"
                    + " created_at, updated_at, version, state) VALUES ('" + PERSON + "', 'Gubad Ibadoglu', '[]', '{AZ}',"
                    + " 'PUBLIC', '[]', 'Gubad Ibadoglu', now(), now(), 0, 'ACTIVE')");
            // Started 23 July 2023, extended in "2024", released on 1 August 2024; arrested on the day it began.
            detention(sql, "d1", 2023, 7, 23);
            event(sql, "d1", "e1", "RELEASE", 2024, 8, 1, "PUBLIC");
            event(sql, "d1", "e2", "DETENTION_EXTENDED", 2024, null, null, "PUBLIC");
            event(sql, "d1", "e3", "ARREST", 2023, 7, 23, "PUBLIC");
            // Begun in "2022", transferred on 1 March 2022.
            detention(sql, "d2", 2022, null, null);
            event(sql, "d2", "e4", "TRANSFER", 2022, 3, 1, "PUBLIC");
            // A confidential escape moves no public event.
            detention(sql, "d3", 2020, 1, 10);
            event(sql, "d3", "e5", "ESCAPE", 2020, 6, 1, "CONFIDENTIAL");
            event(sql, "d3", "e6", "TRANSFER", 2020, null, null, "PUBLIC");
        }

        flyway.target("latest").load().migrate();

        try (Connection db = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                Statement sql = db.createStatement()) {
            assertEquals(List.of("d3 0 -", "e5 2 -", "e6 1 -", "d2 0 -", "e4 1 2022", "d1 0 -", "e3 1 -",
                    "e2 1 2024-8-1", "e1 2 -"), rows(sql, """
                    SELECT f.id, f.stage, f.placed_year, f.placed_month, f.placed_day FROM feed_entry f
                    WHERE f.person_id = '%s' ORDER BY f.placed_sort, f.placed_rank, f.stage, f.id""".formatted(PERSON)));
            assertEquals(List.of("d1 1 -", "d2 1 -", "d3 1 -", "e1 1 -", "e2 1 -", "e4 1 -", "e5 1 -"), rows(sql,
                    "SELECT id, stage, placed_year, placed_month, placed_day FROM feed_entry_history ORDER BY id"));
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE " + database);
            }
        }
    }

    /** The last migration before a version, whichever it is (V7 to V10 come with other features). */
    private static MigrationVersion lastBefore(FluentConfiguration flyway, String version) {
        return Arrays.stream(flyway.load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && !v.isAtLeast(version))
                .max(MigrationVersion::compareTo).orElseThrow();
    }

    /** Ids read back as the labels they were made from. */
    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = sql.executeQuery(query)) {
            while (r.next()) {
                int year = r.getInt(3);
                String placed = r.wasNull() ? "-" : year + (r.getInt(4) == 0 ? "" : "-" + r.getInt(4))
                        + (r.getInt(5) == 0 ? "" : "-" + r.getInt(5));
                rows.add(label(r.getString(1)) + " " + r.getShort(2) + " " + placed);
            }
        }
        return rows;
    }

    /** "d1" → 0190a0e0-0000-7000-8000-0000000000d1: labels sort as their ids do. */
    private static String id(String label) {
        return "0190a0e0-0000-7000-8000-" + "0".repeat(12 - label.length()) + label;
    }

    private static String label(String id) {
        return id.substring(id.lastIndexOf('-') + 1).replaceFirst("^0+", "");
    }

    private static String date(int year, Integer month, Integer day) {
        return year + ", " + month + ", " + day + ", " + sortDate(year, month, day) + ", " + rank(month, day);
    }

    private static String sortDate(int year, Integer month, Integer day) {
        java.time.YearMonth last = java.time.YearMonth.of(year, month == null ? 12 : month);
        return "'" + (day != null ? last.atDay(day) : last.atEndOfMonth()) + "'";
    }

    private static int rank(Integer month, Integer day) {
        return day != null ? 0 : month != null ? 1 : 2;
    }

    private static String periodStart(int year, Integer month, Integer day) {
        return "'" + java.time.LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day) + "'";
    }

    /** A detention and its start's feed entry, as the service stored them before V11 (the entry's id is the detention's). */
    private static void detention(Statement sql, String label, int year, Integer month, Integer day) throws SQLException {
        sql.execute("INSERT INTO detention (id, person_id, detaining_country, start_year, start_month, start_day, start_sort,"
                + " initial_status, access_level, sources, state, created_at, updated_at, version) VALUES ('"
                + id(label) + "', '" + PERSON + "', 'AZ', " + year + ", " + month + ", " + day + ", "
                + sortDate(year, month, day) + ", 'POLICE_CUSTODY', 'PUBLIC', '[]', 'ACTIVE', now(), now(), 0)");
        entry(sql, "DETENTION_STARTED", label, label, year, month, day, "PUBLIC");
    }

    private static void event(Statement sql, String detention, String label, String type, int year, Integer month,
            Integer day, String level) throws SQLException {
        sql.execute("INSERT INTO custody_event (id, detention_id, type, occurred_year, occurred_month, occurred_day,"
                + " occurred_sort, precision_rank, access_level, sources, state, created_at, updated_at, version) VALUES ('"
                + id(label) + "', '" + id(detention) + "', '" + type + "', " + date(year, month, day) + ", '" + level
                + "', '[]', 'ACTIVE', now(), now(), 0)");
        entry(sql, "CUSTODY_EVENT", detention, label, year, month, day, level);
    }

    private static void entry(Statement sql, String kind, String detention, String record, int year, Integer month,
            Integer day, String level) throws SQLException {
        sql.execute("INSERT INTO feed_entry (id, kind, record_id, status_change_index, detention_id, person_id,"
                + " detaining_country, date_year, date_month, date_day, sort_date, precision_rank, period_start,"
                + " access_level) VALUES ('" + id(record) + "', '" + kind + "', '" + id(record) + "', -1, '" + id(detention)
                + "', '" + PERSON + "', 'AZ', " + year + ", " + month + ", " + day + ", " + sortDate(year, month, day) + ", "
                + rank(month, day) + ", " + periodStart(year, month, day) + ", '" + level + "')");
    }
}
