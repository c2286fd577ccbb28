package io.habeas.kernel.paging;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.habeas.kernel.time.PartialDate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PagerTest {
    private static final QueryFingerprint QUERY = QueryFingerprint.of("detentions", "RU", null);
    private static final String ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    /** A row of a list: what it is ordered by, and an id to tell rows apart. */
    record Row(PartialDate date, float score, UUID id) {
    }

    /**
     * A list kept in memory in its key's order and read the way a keyset query reads it: the rows
     * after a key, at most a limit of them. It remembers what it was asked.
     */
    static final class Listing<K> implements Pager.Rows<K, Row> {
        final String name;
        final KeyFormat<K> keys;
        final Function<Row, K> keyOf;
        final Comparator<K> order;
        final List<Row> rows;
        final List<K> askedAfter = new ArrayList<>();
        final List<Integer> askedLimit = new ArrayList<>();

        Listing(String name, KeyFormat<K> keys, Function<Row, K> keyOf, Comparator<K> order, List<Row> rows) {
            this.name = name;
            this.keys = keys;
            this.keyOf = keyOf;
            this.order = order;
            this.rows = rows.stream().sorted(Comparator.comparing(keyOf, order)).toList();
        }

        @Override
        public List<Row> after(K key, int limit) {
            askedAfter.add(key);
            askedLimit.add(limit);
            return rows.stream().filter(r -> key == null || order.compare(keyOf.apply(r), key) > 0).limit(limit).toList();
        }

        Page<Row> page(int size, String token) {
            return Pager.page(new PageRequest(size, token, ""), QUERY, keys, keyOf, this);
        }

        @Override
        public String toString() {
            return name + " of " + rows.size();
        }
    }

    /** Rows with ties in every leading key, so that only the id tells some apart. */
    private static List<Row> rows(int count, long seed) {
        Random random = new Random(seed);
        List<PartialDate> dates = List.of(PartialDate.of(2023, 7, 23), PartialDate.of(2023, 7, 0), PartialDate.of(2023, 0, 0),
                PartialDate.of(2023, 7, 31), PartialDate.of(2023, 12, 31), PartialDate.of(1990, 1, 1), PartialDate.of(2024, 2, 29));
        List<Float> scores = List.of(0.5f, 0.5f, 1.0f, 0.1f, -0.0f, 0.0f, 0.333f, -2.0f);
        return IntStream.range(0, count).mapToObj(i -> new Row(dates.get(random.nextInt(dates.size())),
                scores.get(random.nextInt(scores.size())), new UUID(random.nextLong(), random.nextLong()))).toList();
    }

    private static List<Listing<?>> listings(List<Row> rows) {
        return List.of(
                new Listing<>("by id", Keys.ID, Row::id, Comparator.naturalOrder(), rows),
                new Listing<>("on the timeline", Keys.TIMELINE, r -> Keys.Timeline.of(r.date(), r.id()),
                        Comparator.comparing(Keys.Timeline::sort).thenComparing(Keys.Timeline::rank)
                                .thenComparing(Keys.Timeline::id), rows),
                new Listing<>("by date", Keys.DATED, r -> new Keys.Dated(r.date().earliest(), r.id()),
                        Comparator.comparing(Keys.Dated::date).reversed().thenComparing(Keys.Dated::id), rows),
                new Listing<>("by score", Keys.SCORED, r -> new Keys.Scored(r.score(), r.id()),
                        Comparator.comparing(Keys.Scored::score).reversed().thenComparing(Keys.Scored::id), rows));
    }

    static Stream<Arguments> walks() {
        return Stream.of(0, 1, 23).flatMap(count -> Stream.of(1, 2, 3, 5, 7, 22, 23, 24, 100)
                .filter(size -> count > 0 || size <= 2)
                .flatMap(size -> listings(rows(count, count)).stream().map(listing -> Arguments.of(listing, size))));
    }

    @ParameterizedTest(name = "[{index}] {0}, {1} a page")
    @MethodSource("walks")
    void servesEachRowOnceInOrderAndEndsWithAnEmptyToken(Listing<?> listing, int size) {
        List<Row> served = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = "";
        do {
            Page<Row> page = listing.page(size, token);
            served.addAll(page.items());
            pageSizes.add(page.items().size());
            token = page.nextPageToken();
            assertTrue(pageSizes.size() <= listing.rows.size() + 1, "the pages do not end");
        } while (!token.isEmpty());

        assertEquals(listing.rows, served);
        int n = listing.rows.size();
        List<Integer> expected = IntStream.range(0, Math.max(1, (n + size - 1) / size))
                .mapToObj(i -> Math.min(size, n - i * size)).toList();
        assertEquals(expected, pageSizes, "full pages, then the rest; no empty page after a full one");
        assertTrue(listing.askedLimit.stream().allMatch(limit -> limit == size + 1), listing.askedLimit::toString);
        assertNull(listing.askedAfter.get(0), "the first page reads from the start");
    }

    @Test
    void continuesAfterTheLastRowServedNotAfterTheOneReadBeyondIt() {
        Listing<?> listing = listings(rows(5, 7)).get(0);
        Page<Row> first = listing.page(2, "");
        listing.page(2, first.nextPageToken());
        assertEquals(listing.keyOf.apply(listing.rows.get(1)), listing.askedAfter.get(1));
    }

    @Test
    void givesATokenThatOnlyThisQueryTakes() {
        Listing<?> listing = listings(rows(5, 7)).get(0);
        String token = listing.page(2, "").nextPageToken();
        assertFalse(token.isEmpty());
        assertInvalid("page_token", OpaqueTokenTest.DIFFERENT_QUERY,
                () -> pageWithoutReading(Keys.ID, QueryFingerprint.of("detentions", "BY", null), token));
    }

    /** A page of a list whose rows must not be read: the token is refused first. */
    private static <K> Page<Row> pageWithoutReading(KeyFormat<K> keys, QueryFingerprint query, String token) {
        return Pager.page(new PageRequest(10, token, ""), query, keys, row -> fail("keyed " + row),
                (key, limit) -> fail("the rows were read after key " + key));
    }

    static Stream<Arguments> tamperedTokens() {
        String date = "2023-07-23";
        return Stream.of(
                Arguments.of(Keys.ID, List.of()),
                Arguments.of(Keys.ID, List.of("")),
                Arguments.of(Keys.ID, List.of(ID, ID)),
                Arguments.of(Keys.ID, List.of("not-a-uuid")),
                Arguments.of(Keys.ID, List.of("' OR 1=1 --")),
                Arguments.of(Keys.ID, List.of(ID + "0")),
                Arguments.of(Keys.ID, List.of("{" + ID + "}")),
                Arguments.of(Keys.TIMELINE, List.of(date, "0")),
                Arguments.of(Keys.TIMELINE, List.of(date, "0", ID, "")),
                Arguments.of(Keys.TIMELINE, List.of("2023-13-01", "0", ID)),
                Arguments.of(Keys.TIMELINE, List.of("2023-02-30", "0", ID)),
                Arguments.of(Keys.TIMELINE, List.of("2023-7-1", "0", ID)),
                Arguments.of(Keys.TIMELINE, List.of("2023-07", "1", ID)),
                Arguments.of(Keys.TIMELINE, List.of("' OR 1=1 --", "0", ID)),
                Arguments.of(Keys.TIMELINE, List.of(date, "40000", ID)),        // not a short
                Arguments.of(Keys.TIMELINE, List.of(date, "1.0", ID)),
                Arguments.of(Keys.TIMELINE, List.of(date, "", ID)),
                Arguments.of(Keys.TIMELINE, List.of(date, "0; DROP TABLE detentions", ID)),
                Arguments.of(Keys.TIMELINE, List.of(date, "0", "not-a-uuid")),
                Arguments.of(Keys.TIMELINE, List.of(date, "0", "' OR 1=1 --")),
                Arguments.of(Keys.DATED, List.of(date)),
                Arguments.of(Keys.DATED, List.of(date, ID, ID)),
                Arguments.of(Keys.DATED, List.of("2023-13-01", ID)),
                Arguments.of(Keys.DATED, List.of("23.07.2023", ID)),
                Arguments.of(Keys.DATED, List.of("' OR 1=1 --", ID)),
                Arguments.of(Keys.DATED, List.of(date, "not-a-uuid")),
                Arguments.of(Keys.SCORED, List.of("0")),
                Arguments.of(Keys.SCORED, List.of("0.5", ID)),                   // a score, not its bits
                Arguments.of(Keys.SCORED, List.of("0x3f000000", ID)),
                Arguments.of(Keys.SCORED, List.of("99999999999", ID)),          // more bits than a float has
                Arguments.of(Keys.SCORED, List.of("NaN", ID)),
                Arguments.of(Keys.SCORED, List.of("", ID)),
                Arguments.of(Keys.SCORED, List.of("' OR 1=1 --", ID)),
                Arguments.of(Keys.SCORED, List.of("1056964608", "not-a-uuid")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("tamperedTokens")
    <K> void rejectsATamperedTokenNamingPageTokenWithoutReading(KeyFormat<K> keys, List<String> fields) {
        String token = OpaqueToken.encode(QUERY, fields);
        assertInvalid("page_token", OpaqueTokenTest.NOT_ISSUED, () -> pageWithoutReading(keys, QUERY, token));
    }

    @Test
    void rejectsATextThatIsNoTokenWithoutReading() {
        assertInvalid("page_token", OpaqueTokenTest.NOT_ISSUED, () -> pageWithoutReading(Keys.ID, QUERY, "!!"));
    }

    @Test
    void rejectsAPagesTokenWithOneCharacterChangedWithoutReading() {
        Listing<?> listing = listings(rows(5, 7)).get(1);
        String token = listing.page(2, "").nextPageToken();
        for (int i = 0; i < token.length(); i++) {
            String tampered = OpaqueTokenTest.withCharacterChanged(token, i);
            assertInvalid("page_token", OpaqueTokenTest.NOT_ISSUED, () -> pageWithoutReading(Keys.TIMELINE, QUERY, tampered));
        }
    }

    @Test
    void rejectsAnExpiredTokenWithoutReading() {
        Instant issued = Instant.parse("2024-04-22T10:00:00Z");
        try {
            OpaqueTokenTest.clockAt(issued);
            String token = listings(rows(5, 7)).get(0).page(2, "").nextPageToken();
            OpaqueTokenTest.clockAt(issued.plus(Duration.ofDays(2)));
            assertInvalid("page_token", OpaqueTokenTest.EXPIRED, () -> pageWithoutReading(Keys.ID, QUERY, token));
        } finally {
            TokenKeys.reset();
        }
    }

    @Test
    void readsTheKeyOfAWellFormedTokenOfEachKind() {
        UUID id = UUID.fromString(ID);
        assertEquals(id, after(Keys.ID, List.of(ID)));
        assertEquals(new Keys.Timeline(LocalDate.of(2023, 7, 23), (short) 0, id), after(Keys.TIMELINE, List.of("2023-07-23", "0", ID)));
        assertEquals(new Keys.Dated(LocalDate.of(2023, 7, 23), id), after(Keys.DATED, List.of("2023-07-23", ID)));
        assertEquals(new Keys.Scored(0.5f, id), after(Keys.SCORED, List.of("1056964608", ID)));
    }

    private static <K> K after(KeyFormat<K> keys, List<String> fields) {
        return Pager.after(new PageRequest(10, OpaqueToken.encode(QUERY, fields), ""), QUERY, keys);
    }

    @Test
    void mapsAPagesItemsAndKeepsItsToken() {
        Page<Integer> page = new Page<>(List.of(1, 2, 3), "next");
        assertEquals(new Page<>(List.of("1", "2", "3"), "next"), page.map(items -> items.stream().map(String::valueOf).toList()));
    }
}
