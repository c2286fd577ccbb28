package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.domain.ActorKind;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.CountryCode;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.HumanWritten;
import io.habeas.support.validation.ValidExternalIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** An actor as a client describes it, for a create or, merged with the record, an update. */
@CrossFieldChecked
public record ActorDraft(
        @NotBlank @Size(max = 300) @HumanWritten String displayName,
        @NotNull ActorKind kind,
        @Size(max = 300) @HumanWritten String office,
        @Size(max = 300) @HumanWritten String organization,
        @CountryCode String country,
        @Pattern(regexp = PersonName.REGEX, message = "must be a resource name of the form " + PersonName.FORM) String person,
        AccessLevel accessLevel,
        @Size(max = 20) List<@Valid SourceCitation> sources,
        @ValidExternalIds List<ExternalId> externalIds) implements CrossFieldRules {

    @Override
    public Map<String, String> brokenRules() {
        if (person != null && kind != null && !kind.speaksForAPerson()) {
            return Map.of("person", "only a detained person, a lawyer or a relative is linked to a person");
        }
        return Map.of();
    }

    public ActorDraft withSources(List<SourceCitation> replaced) {
        return new ActorDraft(displayName, kind, office, organization, country, person, accessLevel, replaced, externalIds);
    }
}
