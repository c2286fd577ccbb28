package io.habeas.detention.service;

import io.habeas.detention.domain.Alias;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.text.HumanText;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.CountryCode;
import io.habeas.support.validation.HumanWritten;
import io.habeas.support.validation.ValidExternalIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A person as a client describes it, for a create or, merged with the record, an update. */
public record PersonDraft(
        @NotBlank @Size(max = 300) @HumanWritten String displayName,
        @Size(max = 50) List<@Valid Alias> aliases,
        @Size(max = 10) List<@NotNull @CountryCode String> citizenships,
        @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String description,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources,
        @ValidExternalIds List<ExternalId> externalIds) {

    /** The same draft with other sources. */
    public PersonDraft withSources(List<SourceCitation> replaced) {
        return new PersonDraft(displayName, aliases, citizenships, description, accessLevel, replaced, externalIds);
    }
}
