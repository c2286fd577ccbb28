package io.habeas.detention.service;

import io.habeas.detention.domain.CourtDecision;
import io.habeas.detention.domain.CourtEventType;
import io.habeas.detention.domain.SentenceTerm;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.names.ChargeName;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A court event's fields as a write gives them; the charges by name. */
@CrossFieldChecked
public record CourtEventDraft(
        @NotNull CourtEventType type,
        @NotNull @ValidPartialDate PartialDate occurredOn,
        @Size(max = 300) @HumanWritten String court,
        @Size(max = 300) @HumanWritten String place,
        @Size(max = 50) List<@Pattern(regexp = ChargeName.REGEX, message = "must be a resource name of the form "
                + ChargeName.FORM) String> charges,
        CourtDecision decision,
        @Valid SentenceTerm sentence,
        boolean closedToPublic,
        @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String description,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {

    /** The same draft with other sources. */
    public CourtEventDraft withSources(List<SourceCitation> replaced) {
        return new CourtEventDraft(type, occurredOn, court, place, charges, decision, sentence, closedToPublic, description,
                accessLevel, replaced);
    }

    /** The same draft with other charges. */
    public CourtEventDraft withCharges(List<String> replaced) {
        return new CourtEventDraft(type, occurredOn, court, place, replaced, decision, sentence, closedToPublic,
                description, accessLevel, sources);
    }

    @Override
    public Map<String, String> brokenRules() {
        Map<String, String> broken = new LinkedHashMap<>();
        if (type != null && decision != null && !type.decides()) {
            broken.put("decision", "is given only with VERDICT, APPEAL_DECIDED and CASSATION");
        }
        if (type != null && sentence != null && !type.sentences()) {
            broken.put("sentence", "is set only with VERDICT, SENTENCE, APPEAL_DECIDED and CASSATION");
        } else if (sentence != null && charges.isEmpty()) {
            broken.put("sentence", "is set over the charges named: name at least one charge");
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < charges.size(); i++) {
            String charge = charges.get(i).toLowerCase(Locale.ROOT); // ids are read in any case
            if (charge.matches(ChargeName.REGEX) && !named.add(charge)) {
                broken.put("charges[" + i + "]", "names a charge already named: name each charge once");
            }
        }
        return broken;
    }
}
