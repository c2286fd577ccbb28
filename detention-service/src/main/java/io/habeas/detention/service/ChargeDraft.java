package io.habeas.detention.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.legal.ArticleReferences;
import io.habeas.kernel.legal.ArticleStructure;
import io.habeas.kernel.legal.StructureSource;
import io.habeas.kernel.legal.StructuredArticle;
import io.habeas.kernel.text.HumanText;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.validation.CountryCode;
import io.habeas.support.validation.CountryCodeValidator;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.HumanWritten;
import io.habeas.support.validation.ValidPartialDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A charge as a write sets it. Its article is null to read the structure from the reference by the
 * jurisdiction's numbering; SENT when the client sent it (checked against the reference); PARSED
 * when a correction leaves the reference and jurisdiction alone and so keeps the structure recorded.
 */
@CrossFieldChecked
public record ChargeDraft(
        @NotNull @CountryCode String jurisdiction,
        @NotBlank @Size(max = 300) @HumanWritten String legalCode,
        @NotBlank @Size(max = 50) @HumanWritten String articleReference,
        StructuredArticle article,
        @Size(max = 1000) @HumanWritten(HumanText.Shape.PARAGRAPH) String offenceDescription,
        @NotNull @ValidPartialDate PartialDate filedOn,
        AccessLevel accessLevel,
        @NotEmpty(message = "at least one source is required") @Size(max = 20) List<@Valid SourceCitation> sources)
        implements CrossFieldRules {

    private static final String STRUCTURE = "article";
    private static final String REFERENCE = "article_reference";

    /** The same draft with other sources. */
    public ChargeDraft withSources(List<SourceCitation> replaced) {
        return new ChargeDraft(jurisdiction, legalCode, articleReference, article, offenceDescription, filedOn,
                accessLevel, replaced);
    }

    /** The structure to store, once the draft is valid. */
    public StructuredArticle structuredArticle() {
        return keepsRecordedStructure() ? article
                : ArticleReferences.resolve(jurisdiction, articleReference, sent(), "charge." + STRUCTURE, "charge." + REFERENCE);
    }

    @Override
    public Map<String, String> brokenRules() {
        if (keepsRecordedStructure()) {
            return Map.of();
        }
        List<FieldViolation> violations;
        if (articleReference == null || articleReference.isBlank()) {
            violations = sent() == null ? List.of() : sent().problems(STRUCTURE);
        } else if (!CountryCodeValidator.isCountry(jurisdiction)) {
            // Read by no numbering until the jurisdiction is fixed: only what is wrong under any is reported.
            violations = sent() != null ? sent().problems(STRUCTURE)
                    : ArticleReferences.readableAnywhere(articleReference) ? List.of()
                    : List.of(new FieldViolation(REFERENCE,
                            "cannot be read as an article reference, such as 204.3.1, 280.3 or part 1 of article 342"));
        } else {
            violations = ArticleReferences.check(jurisdiction, articleReference, sent(), STRUCTURE, REFERENCE);
        }
        Map<String, String> broken = new LinkedHashMap<>();
        violations.forEach(violation -> broken.putIfAbsent(violation.field(), violation.description()));
        return broken;
    }

    private boolean keepsRecordedStructure() {
        return article != null && article.source() == StructureSource.PARSED;
    }

    private ArticleStructure sent() {
        return article == null ? null : article.structure();
    }
}
