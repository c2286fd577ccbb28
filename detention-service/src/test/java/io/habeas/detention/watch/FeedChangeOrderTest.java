package io.habeas.detention.watch;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log as other instances write it: through connections of their own, not this
 * service. The reader polls only every minute here, so a change that arrives at once came by
 * NOTIFY.
 */
@QuarkusTest
@TestProfile(FeedChangeOrderTest.NotifyOnly.class)
class FeedChangeOrderTest extends WatchTest {
    public static class NotifyOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.watch.poll-interval", "60s");
        }
    }

    private static final Duration SOON = Duration.ofSeconds(10);
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    @Test
    void aWriteThroughAnotherConnectionReachesTheWatcherByNotify() throws SQLException {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        var watching = watchPerson(Role.VIEWER, person, "");

        try (Connection other = connect()) {
            moveToDay(other, detention, 24);
        }

        WatchPersonFeedResponse corrected = watching.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_CORRECTED, corrected.getChange().getKind());
        assertEquals(24, corrected.getChange().getItem().getDate().getDay());
    }

    @Test
    void aChangeCommittedFirstWaitsForAnEarlierTransactionStillRunning() throws SQLException {
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));
        Detention second = createDetention(arrest(person, date(2024, 1, 10)));
        var watching = watchPerson(Role.VIEWER, person, "");

        try (Connection slow = connect(); Connection fast = connect()) {
            slow.setAutoCommit(false);
            moveToDay(slow, first, 24);
            moveToDay(fast, second, 11);

            watching.nothingWithin(Duration.ofSeconds(3));
            slow.commit();
        }

        List<WatchPersonFeedResponse> both = watching.next(2);
        assertEquals(List.of(first.getName(), second.getName()),
                both.stream().map(r -> r.getChange().getItem().getDetention().getName()).toList());
        assertEquals(List.of(24, 11), both.stream().map(r -> r.getChange().getItem().getDate().getDay()).toList());
        watching.nothingWithin(Duration.ofMillis(1500));
    }

    /** More changes than the hub reads at once (500), all in one transaction, all to one item: one change each watcher. */
    @Test
    void aTransactionLongerThanABatchIsOneChangeToALiveWatcher() throws SQLException {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        var watching = watchPerson(Role.VIEWER, person, "");

        moveBackAndForth(detention, 601);

        WatchPersonFeedResponse corrected = watching.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_CORRECTED, corrected.getChange().getKind());
        assertEquals(25, corrected.getChange().getItem().getDate().getDay());
        watching.nothingWithin(Duration.ofMillis(1500));
    }

    @Test
    void aTransactionLongerThanABatchIsOneChangeToAResumedWatcher() throws SQLException {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        var first = watchPerson(Role.VIEWER, person, "");
        String start = first.started();
        first.cancel();

        moveBackAndForth(detention, 601);

        var resumed = watchPerson(Role.VIEWER, person, start);
        WatchPersonFeedResponse corrected = resumed.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_CORRECTED, corrected.getChange().getKind());
        assertEquals(25, corrected.getChange().getItem().getDate().getDay());
        resumed.nothingWithin(Duration.ofMillis(1500));
    }

    /** In one transaction, the detention's start moved between days 24 and 25, ending on 25: a change logged each time. */
    private static void moveBackAndForth(Detention detention, int times) throws SQLException {
        try (Connection writer = connect()) {
            writer.setAutoCommit(false);
            for (int i = 0; i < times; i++) {
                moveToDay(writer, detention, i % 2 == 0 ? 25 : 24);
            }
            writer.commit();
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** What another instance's write would do to the detention's start in the feeds. */
    private static void moveToDay(Connection connection, Detention detention, int day) throws SQLException {
        UUID id = UUID.fromString(detention.getName().substring("detentions/".length()));
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE feed_entry SET date_day = ? WHERE record_id = ? AND kind = 'DETENTION_STARTED'")) {
            update.setInt(1, day);
            update.setObject(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
