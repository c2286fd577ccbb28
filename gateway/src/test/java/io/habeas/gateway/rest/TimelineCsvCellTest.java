package io.habeas.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a CSV cell becomes: quoted as RFC 4180 says, and never read by a spreadsheet as a formula. */
class TimelineCsvCellTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                arguments("Baku", "Baku"),
                arguments("", ""),
                arguments(null, ""),
                arguments("a, b", "\"a, b\""),
                arguments("say \"no\"", "\"say \"\"no\"\"\""),
                arguments("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
                arguments("+1", "'+1"),
                arguments("-2+3", "'-2+3"),
                arguments("@SUM(A1)", "'@SUM(A1)"),
                arguments("   =1+1", "'   =1+1"),
                arguments("\t=1", "'\t=1"),
                arguments("\r=1", "\"'\r=1\""),
                arguments("\uFF1D1+1", "'\uFF1D1+1"),
                arguments("\u3000\uFF20x", "'\u3000\uFF20x"),
                arguments("a=b", "a=b"),
                arguments("2023-07", "2023-07"));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void quotesAndDefuses(String value, String cell) {
        assertEquals(cell, TimelineCsv.cell(value));
    }
}
