package io.habeas.detention.domain;

import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.text.HumanText;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.HumanWritten;
import io.habeas.support.validation.ValidPartialDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A dated change of a charge's status after its filing, with its sources, and the court event it
 * follows, if any: a conviction by a verdict that sets one sentence over several charges takes that
 * sentence instead of a term of its own.
 */
@CrossFieldChecked
public record ChargeStatusChange(
        @NotNull ChargeStatus status,
        @NotNull @ValidPartialDate PartialDate effectiveOn,
        @Valid SentenceTerm sentenceTerm,
        @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String note,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources,
        @Pattern(regexp = CourtEventName.REGEX, message = "must be a resource name of the form " + CourtEventName.FORM)
        String courtEvent)
        implements CrossFieldRules {

    @Override
    public Map<String, String> brokenRules() {
        if (status == ChargeStatus.FILED) {
            return Map.of("status", "FILED is set by filing the charge; a change must be another status");
        }
        if (status != null && status != ChargeStatus.CONVICTED && sentenceTerm != null) {
            return Map.of("sentenceTerm", "is allowed with CONVICTED only");
        }
        if (status == ChargeStatus.CONVICTED && sentenceTerm == null && courtEvent == null) {
            return Map.of("sentenceTerm",
                    "is required with CONVICTED, unless court_event names a verdict that sets the sentence");
        }
        return Map.of();
    }
}
