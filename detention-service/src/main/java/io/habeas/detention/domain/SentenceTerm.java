package io.habeas.detention.domain;

import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;

/** The length of a sentence, as the court gave it. */
@CrossFieldChecked
public record SentenceTerm(
        @Min(0) @Max(100) int years,
        @Min(0) @Max(1200) int months,
        @Min(0) @Max(36500) int days,
        boolean suspended) implements CrossFieldRules {

    @Override
    public Map<String, String> brokenRules() {
        return years + months + days > 0 ? Map.of() : Map.of("years", "a sentence term must not be zero");
    }
}
