package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.domain.StatementMedium;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.ValidPartialDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A statement as a client describes it, for a create or, merged with the record, an update.
 * Its sources may be published after the statement was made.
 */
public record StatementDraft(
        @NotNull @Pattern(regexp = ActorName.REGEX, message = "must be a resource name of the form " + ActorName.FORM) String actor,
        @Size(max = 300) String actorOffice,
        @NotNull @ValidPartialDate PartialDate madeOn,
        @NotNull StatementMedium medium,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 4000) String summary,
        @Size(max = 20000) String quotedText,
        @NotEmpty(message = "at least one claim is required") @Size(max = 50) List<@NotNull @Valid ClaimDraft> claims,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources) {

    public StatementDraft withSources(List<SourceCitation> replaced) {
        return new StatementDraft(actor, actorOffice, madeOn, medium, title, summary, quotedText, claims, accessLevel,
                replaced);
    }
}
