package io.habeas.detention.service;

import io.habeas.detention.domain.ArticleReference;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

@CrossFieldChecked
public record ChargeDraft(
        @NotNull @CountryCode String jurisdiction,
        @NotBlank @Size(max = 300) @HumanWritten String legalCode,
        @NotBlank @Size(max = 50) @HumanWritten String articleReference,
        @Size(max = 1000) @HumanWritten(HumanText.Shape.PARAGRAPH) String offenceDescription,
        @NotNull @ValidPartialDate PartialDate filedOn,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {

    /** The same draft with other sources. */
    public ChargeDraft withSources(List<SourceCitation> replaced) {
        return new ChargeDraft(jurisdiction, legalCode, articleReference, offenceDescription, filedOn, accessLevel, replaced);
    }

    @Override
    public Map<String, String> brokenRules() {
        if (articleReference != null && !articleReference.isBlank()
                && ArticleReference.parse(articleReference).isEmpty()) {
            return Map.of("articleReference",
                    "must be an article number with an optional part and clause, such as 204.3.1 or 167-3.1");
        }
        return Map.of();
    }
}
