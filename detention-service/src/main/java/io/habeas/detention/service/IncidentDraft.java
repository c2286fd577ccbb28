package io.habeas.detention.service;

import io.habeas.detention.domain.IncidentType;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.text.HumanText;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.CountryCode;
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
public record IncidentDraft(
        @NotNull IncidentType type,
        @NotNull @ValidPartialDate PartialDate occurredOn,
        @ValidPartialDate PartialDate untilDate,
        @NotNull @CountryCode String country,
        @Size(max = 300) @HumanWritten String authority,
        @Size(max = 300) @HumanWritten String place,
        @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String description,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {

    /** The same draft with other sources. */
    public IncidentDraft withSources(List<SourceCitation> replaced) {
        return new IncidentDraft(type, occurredOn, untilDate, country, authority, place, description, accessLevel, replaced);
    }

    @Override
    public Map<String, String> brokenRules() {
        return UntilDate.brokenRule(occurredOn, untilDate);
    }
}
