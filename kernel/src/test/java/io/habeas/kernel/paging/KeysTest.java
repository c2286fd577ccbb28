package io.habeas.kernel.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.habeas.kernel.time.PartialDate;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each key is written into token fields and read back as it was. */
class KeysTest {
    private static final UUID ID = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static final UUID MAX = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(Keys.ID, ID),
                Arguments.of(Keys.ID, new UUID(0, 0)),
                Arguments.of(Keys.ID, MAX),
                Arguments.of(Keys.TIMELINE, Keys.Timeline.of(PartialDate.of(2023, 7, 23), ID)),
                Arguments.of(Keys.TIMELINE, Keys.Timeline.of(PartialDate.of(2024, 2, 0), ID)),
                Arguments.of(Keys.TIMELINE, Keys.Timeline.of(PartialDate.of(1900, 0, 0), MAX)),
                Arguments.of(Keys.TIMELINE, new Keys.Timeline(LocalDate.of(9999, 12, 31), Short.MAX_VALUE, ID)),
                Arguments.of(Keys.TIMELINE, new Keys.Timeline(LocalDate.of(-5, 1, 1), Short.MIN_VALUE, ID)),
                Arguments.of(Keys.DATED, new Keys.Dated(LocalDate.of(2023, 7, 23), ID)),
                Arguments.of(Keys.DATED, new Keys.Dated(LocalDate.of(2024, 2, 29), MAX)),
                Arguments.of(Keys.DATED, new Keys.Dated(LocalDate.MIN, ID)),
                Arguments.of(Keys.DATED, new Keys.Dated(LocalDate.MAX, ID)),
                Arguments.of(Keys.SCORED, new Keys.Scored(0.75f, ID)),
                Arguments.of(Keys.SCORED, new Keys.Scored(0.1f, ID)),   // no exact decimal
                Arguments.of(Keys.SCORED, new Keys.Scored(-0.0f, ID)),  // apart from 0.0
                Arguments.of(Keys.SCORED, new Keys.Scored(0.0f, ID)),
                Arguments.of(Keys.SCORED, new Keys.Scored(-3.5e-12f, ID)),
                Arguments.of(Keys.SCORED, new Keys.Scored(Float.MIN_VALUE, ID)),
                Arguments.of(Keys.SCORED, new Keys.Scored(Float.MAX_VALUE, ID)),
                Arguments.of(Keys.SCORED, new Keys.Scored(Float.POSITIVE_INFINITY, ID)));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("keys")
    <K> void readsBackTheKeyItWrote(KeyFormat<K> format, K key) {
        List<String> fields = format.write(key);
        assertEquals(format.arity(), fields.size());
        assertEquals(key, format.read(fields));
        assertEquals(key, Pager.after(new PageRequest(1, OpaqueToken.encode(QueryFingerprint.of("l"), fields), ""),
                QueryFingerprint.of("l"), format));
    }

    @Test
    void writesATimelineKeyAsTheLastDayTheRankAndTheId() {
        assertEquals(List.of("2023-07-31", "1", ID.toString()), Keys.TIMELINE.write(Keys.Timeline.of(PartialDate.of(2023, 7, 0), ID)));
        assertEquals(List.of("2023-12-31", "2", ID.toString()), Keys.TIMELINE.write(Keys.Timeline.of(PartialDate.of(2023, 0, 0), ID)));
        assertEquals(List.of("2023-07-23", "0", ID.toString()), Keys.TIMELINE.write(Keys.Timeline.of(PartialDate.of(2023, 7, 23), ID)));
    }

    @Test
    void writesAScoreAsItsBitsSoThatNoPrecisionIsLost() {
        assertEquals(List.of(Integer.toString(Float.floatToIntBits(0.1f)), ID.toString()),
                Keys.SCORED.write(new Keys.Scored(0.1f, ID)));
    }

    @Test
    void readsNothingFromTheWrongNumberOfFields() {
        assertNull(Keys.ID.read(List.of()));
        assertNull(Keys.ID.read(List.of(ID.toString(), ID.toString())));
        assertNull(Keys.DATED.read(List.of(ID.toString())));
        assertNull(Keys.TIMELINE.read(List.of("2023-07-23", ID.toString())));
        assertNull(Keys.SCORED.read(List.of("0", ID.toString(), "")));
    }
}
