package io.habeas.suite.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a gateway answer is missing because a backend failed. A 200 that lacks a backend's part
 * (unavailable, timeout, circuit_open, bad_answer, person_unverified) is not the answer the scenario
 * measures: counted as a success, a summary served without its release calls looked fast. A country that
 * detains more persons than a claims list follows (too_many_detainees) is the answer's designed limit.
 */
public final class PartialAnswers {
    private static final Pattern MISSING = Pattern.compile("\"missing\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern PART = Pattern.compile(
            "\\{\\s*\"service\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"reason\"\\s*:\\s*\"([^\"]*)\"\\s*\\}");
    private static final String DESIGNED_LIMIT = "too_many_detainees";

    private PartialAnswers() {
    }

    /** "service: reason" of the first part missing because a backend failed; null when none is. */
    public static String failedPart(String body) {
        Matcher missing = MISSING.matcher(body);
        while (missing.find()) {
            Matcher part = PART.matcher(missing.group(1));
            while (part.find()) {
                if (!part.group(2).equals(DESIGNED_LIMIT)) {
                    return part.group(1) + ": " + part.group(2);
                }
            }
        }
        return null;
    }
}
