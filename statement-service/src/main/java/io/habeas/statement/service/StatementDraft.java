package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.text.HumanText;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.domain.StatementMedium;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.HumanWritten;
import io.habeas.support.validation.ValidPartialDate;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement as a client describes it, for a create or, merged with the record, an update.
 * Its sources may be published after the statement was made. Its claims name at most
 * {@value #MAX_PERSONS} distinct persons, each checked in detention-service on every write.
 */
@CrossFieldChecked
public record StatementDraft(
        @NotNull @Pattern(regexp = ActorName.REGEX, message = "must be a resource name of the form " + ActorName.FORM) String actor,
        @Size(max = 300) @HumanWritten String actorOffice,
        @NotNull @ValidPartialDate PartialDate madeOn,
        @NotNull StatementMedium medium,
        @NotBlank @Size(max = 500) @HumanWritten String title,
        @Size(max = 4000) @HumanWritten(HumanText.Shape.PARAGRAPH) String summary,
        @Size(max = 20000) @HumanWritten(HumanText.Shape.PARAGRAPH) String quotedText,
        @NotEmpty(message = "at least one claim is required") @Size(max = 50) List<@NotNull @Valid ClaimDraft> claims,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {
    public static final int MAX_PERSONS = 100;

    public StatementDraft withSources(List<SourceCitation> replaced) {
        return new StatementDraft(actor, actorOffice, madeOn, medium, title, summary, quotedText, claims, accessLevel,
                replaced);
    }

    /** The subject that names one person too many is reported, so the client sees where the statement overflows. */
    @Override
    public Map<String, String> brokenRules() {
        Set<String> persons = new HashSet<>();
        for (int i = 0; claims != null && i < claims.size(); i++) {
            List<String> subjects = claims.get(i) == null || claims.get(i).subjectPersons() == null ? List.of()
                    : claims.get(i).subjectPersons();
            for (int j = 0; j < subjects.size(); j++) {
                if (subjects.get(j) != null && persons.add(subjects.get(j)) && persons.size() > MAX_PERSONS) {
                    return Map.of("claims[" + i + "].subjectPersons[" + j + "]",
                            "is distinct person number " + persons.size() + "; a statement names at most " + MAX_PERSONS);
                }
            }
        }
        return Map.of();
    }
}
