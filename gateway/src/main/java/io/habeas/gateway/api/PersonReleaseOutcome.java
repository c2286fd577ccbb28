package io.habeas.gateway.api;

import java.util.List;

/**
 * What came of the calls for one person's release: one outcome per detention the calls were made
 * during, latest first, and how many calls fell in no detention the caller may see.
 */
public record PersonReleaseOutcome(String person, List<ReleaseOutcomeView> outcomes, int callsOutsideDetention) {
}
