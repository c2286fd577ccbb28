package io.habeas.kernel.names;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** FORM, REGEX and parse say the same thing, and no type takes another's name. */
class NameFormsTest {
    static final List<NameType> TYPES = NameType.ALL;

    @Test
    void declaresTheFormsOfTheApi() {
        assertAll(
                () -> assertEquals("persons/{id}", PersonName.FORM),
                () -> assertEquals("detentions/{id}", DetentionName.FORM),
                () -> assertEquals("actors/{id}", ActorName.FORM),
                () -> assertEquals("statements/{id}", StatementName.FORM),
                () -> assertEquals("detentions/{id}/custodyEvents/{id}", CustodyEventName.FORM),
                () -> assertEquals("detentions/{id}/charges/{id}", ChargeName.FORM),
                () -> assertEquals("persons/{id}/incidents/{id}", IncidentName.FORM),
                () -> assertEquals("statements/{id}/claims/{id}", ClaimName.FORM));
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void parsesItsFormWithEachIdFilledIn(NameType type) {
        String filled = type.fill(type.form().replaceFirst("\\{id}", "{id0}").replaceFirst("\\{id}", "{id1}"));
        assertEquals(type.sampleName(), filled);
        assertEquals(List.of(type.sampleIds()), type.idsOf(type.parse(filled, "n")));
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void itsRegexMatchesEveryNameItWrites(NameType type) {
        Random random = new Random(type.type().hashCode());
        IntStream.range(0, 200).forEach(i -> {
            UUID[] ids = Stream.generate(() -> new UUID(random.nextLong(), random.nextLong()))
                    .limit(type.collections().size()).toArray(UUID[]::new);
            String written = type.make(ids).toString();
            assertTrue(written.matches(type.regex()), () -> type.regex() + " refuses " + written);
        });
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void parsesEveryTextItsRegexMatches(NameType type) {
        Random random = new Random(type.type().hashCode());
        IntStream.range(0, 200).forEach(i -> {
            String[] idTexts = Stream.generate(() -> randomCase(new UUID(random.nextLong(), random.nextLong()), random))
                    .limit(type.collections().size()).toArray(String[]::new);
            String text = type.spell(idTexts);
            assertTrue(text.matches(type.regex()), () -> type.regex() + " refuses " + text);
            assertEquals(Stream.of(idTexts).map(UUID::fromString).toList(), type.idsOf(type.parse(text, "n")));
        });
    }

    private static String randomCase(UUID id, Random random) {
        StringBuilder text = new StringBuilder();
        id.toString().chars().forEach(c -> text.append((char) (random.nextBoolean() ? Character.toUpperCase(c) : c)));
        return text.toString();
    }

    static Stream<Arguments> otherTypesNames() {
        return TYPES.stream().flatMap(expected -> TYPES.stream().filter(given -> given != expected)
                .map(given -> Arguments.of(expected, given)));
    }

    @ParameterizedTest(name = "[{index}] a {1} given where a {0} is expected")
    @MethodSource("otherTypesNames")
    void rejectsAnotherResourcesNameQuotingItsOwnForm(NameType expected, NameType given) {
        expected.assertRejectedAsMalformed(given.make(given.sampleIds()).toString());
    }
}
