package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void aScenarioNothingAnsweredIsSaidSoNotAsInfinitelySlow() {
        ScenarioResult silent = new ScenarioResult(Scenarios.PROFILE, "gateway", ScaleReportTest.STEADY, ScaleReportTest.figures(0, 0, 0),
                ScaleReportTest.figures(0, 0, 0), ScaleReportTest.figures(800, 1, 2), ScaleReportTest.figures(560, 1, 2), List.of());
        Targets.Check throughput = Targets.check(List.of(silent), 1, Map.of()).get(0);
        assertEquals(new Targets.Check("profile: throughput ≥ 0.6 × baseline", "0.00 ×", false, "nothing answered"), throughput);
    }

    @Test
    void aScenarioThatAnsweredNothingMissesItsP50TargetsInsteadOfMeetingThemWithZero() {
        ScenarioResult timeline = new ScenarioResult(Scenarios.PERSON_TIMELINE, "gateway", ScaleReportTest.STEADY,
                ScaleReportTest.figures(50, 1, 2), ScaleReportTest.figures(35, 30, 90), ScaleReportTest.figures(1000, 1, 1),
                ScaleReportTest.figures(700, 1, 2), List.of());
        ScenarioResult failing = new ScenarioResult(Scenarios.COUNTRY_SUMMARY, "gateway", ScaleReportTest.STEADY,
                ScaleReportTest.figures(0, 0, 0), ScaleReportTest.figures(0, 0, 0), ScaleReportTest.figures(1, 1, 1),
                ScaleReportTest.figures(0.7, 1, 2), List.of());
        List<Targets.Check> checks = Targets.check(List.of(timeline, failing), 1, Map.of(Scenarios.COUNTRY_SUMMARY, 250.0));
        assertEquals(new Targets.Check("country summary: p50 ≤ 3.00 × person timeline's", "no answer", false, "nothing answered"),
                checks.get(3));
        assertEquals(new Targets.Check("country summary: p50 ≤ 1.2 × p50 at 10k", "no answer", false, "nothing answered"),
                checks.get(4));
    }

    @Test
    void aMetTargetHasNoMiss() {
        ScenarioResult fast = new ScenarioResult(Scenarios.GET_PERSON, "gRPC", ScaleReportTest.STEADY, ScaleReportTest.figures(700, 1, 2),
                ScaleReportTest.figures(490, 1, 2), ScaleReportTest.figures(1000, 1, 1), ScaleReportTest.figures(700, 0.5, 1), List.of());
        List<Targets.Check> checks = Targets.check(List.of(fast), 0.5, Map.of());
        assertEquals(List.of(
                new Targets.Check("GetPerson: throughput ≥ 0.6 × baseline", "0.70 ×", true, ""),
                new Targets.Check("GetPerson: p99 ≤ 3.00 × baseline", "2.00 ×", true, ""),
                new Targets.Check("import: ≥ 0.3 × COPY's rows/s", "0.50 ×", true, "")), checks);
    }

    @Test
    void smallRatiosKeepTwoSignificantDigits() {
        assertEquals("0.0019", Targets.fmt(0.0019));
        assertEquals("0.05", Targets.fmt(0.05));
        assertEquals("12.0", Targets.fmt(12));
        assertEquals("302", Targets.fmt(301.6));
    }
}
