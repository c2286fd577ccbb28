package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEventType;
import io.habeas.kernel.access.AccessLevel;
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
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

@CrossFieldChecked
public record CustodyEventDraft(
        @NotNull CustodyEventType type,
        @NotNull @ValidPartialDate PartialDate occurredOn,
        @ValidPartialDate PartialDate untilDate,
        @Size(max = 300) @HumanWritten String place,
        @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String description,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {

    /** The same draft with other sources. */
    public CustodyEventDraft withSources(List<SourceCitation> replaced) {
        return new CustodyEventDraft(type, occurredOn, untilDate, place, description, accessLevel, replaced);
    }

    /** Periods are compared whole, as everywhere: an end in "July 2023" may close an event of 23 July 2023. */
    @Override
    public Map<String, String> brokenRules() {
        try {
            if (occurredOn != null && untilDate != null && untilDate.certainlyBefore(occurredOn)) {
                return Map.of("untilDate", "must not be before occurred_on");
            }
        } catch (RuntimeException e) {
            return Map.of(); // an impossible date is reported by its own constraint
        }
        return Map.of();
    }
}
