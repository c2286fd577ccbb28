package io.habeas.kernel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.habeas.kernel.text.HumanText.Shape;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Gubad Ibadoglu", "Qubad İbadoğlu", "Губад Ибадоглу", "قوباد ایبادوغلو", "Mehdi\u200Cabad",
            "\u0915\u094D\u200D\u0937", "👩\u200D⚖️ lawyer", "O'Brien-Smith, J.", "\u200Fשלום\u200E", "a",
    })
    void acceptsWhatPeopleWrite(String text) {
        assertEquals(Optional.empty(), HumanText.problem(text, Shape.LINE));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("Gubad\u0000Ibadoglu", "holds the control character U+0000 at character 6"),
                arguments("bell\u0007", "holds the control character U+0007 at character 5"),
                arguments("\u001B[31mred", "holds the control character U+001B at character 1"),
                arguments("two\nlines", "holds the control character U+000A at character 4"),
                arguments("c1\u0085", "holds the control character U+0085 at character 3"),
                arguments("evil\u202Etxt.exe", "holds the bidi control U+202E, which reorders what readers see at character 5"),
                arguments("\u2067isolate\u2069", "holds the bidi control U+2067, which reorders what readers see at character 1"),
                arguments("Gubad\u200BIbadoglu", "holds the invisible format character U+200B at character 6"),
                arguments("\uFEFFGubad", "holds the invisible format character U+FEFF at character 1"),
                arguments("\u200Dalone", "holds the invisible format character U+200D at character 1"),
                arguments("non\uFFFEchar", "holds the noncharacter U+FFFE at character 4"),
                arguments("\u3164\u3164", "must contain visible text"),
                arguments("\u2800", "must contain visible text"),
                arguments("\u00A0\u2003", "must contain visible text"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refused")
    void refusesWhatNoPersonWrote(String text, String problem) {
        assertEquals(Optional.of(problem), HumanText.problem(text, Shape.LINE));
    }

    @Test
    void refusesALoneSurrogate() {
        assertEquals(Optional.of("holds an unpaired UTF-16 surrogate, which is not text at character 5"),
                HumanText.problem("Gub\u00E4\uD800d", Shape.LINE));
    }

    @Test
    void aParagraphMayBreakLinesButNotRing() {
        assertEquals(Optional.empty(), HumanText.problem("First line.\r\n\tSecond line.", Shape.PARAGRAPH));
        assertEquals(Optional.of("holds the control character U+0007 at character 2"), HumanText.problem("a\u0007", Shape.PARAGRAPH));
    }

    @Test
    void emptyTextIsLeftToTheRequiredCheck() {
        assertEquals(Optional.empty(), HumanText.problem("", Shape.LINE));
        assertEquals(Optional.empty(), HumanText.problem(null, Shape.LINE));
    }

    @Test
    void normalizesToNfc() {
        assertEquals("İbadoğlu", HumanText.normalized("I\u0307bado\u0067\u0306lu"));
        assertEquals(null, HumanText.normalized(null));
    }
}
