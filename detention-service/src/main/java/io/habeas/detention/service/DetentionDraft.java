package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyStatus;
import io.habeas.kernel.access.AccessLevel;
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
public record DetentionDraft(
        @NotNull @Size(max = 100) String person,
        @NotNull @CountryCode String detainingCountry,
        @Size(max = 300) @HumanWritten String authority,
        @Size(max = 300) @HumanWritten String place,
        @NotNull @ValidPartialDate PartialDate startDate,
        @NotNull CustodyStatus initialStatus,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {

    /** The same draft with other sources. */
    public DetentionDraft withSources(List<SourceCitation> replaced) {
        return new DetentionDraft(person, detainingCountry, authority, place, startDate, initialStatus, accessLevel, replaced);
    }

    @Override
    public Map<String, String> brokenRules() {
        if (initialStatus != null && initialStatus.isFinal()) {
            return Map.of("initialStatus", "must not be a final status; record the release as a custody event");
        }
        return Map.of();
    }
}
