package io.habeas.support.records;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.validation.HumanWritten;
import io.habeas.support.validation.ValidPartialDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where a fact comes from. Stored with the fact it backs. */
public record SourceCitation(
        @NotBlank @Size(max = 300) @HumanWritten String publisher,
        @NotBlank @Size(max = 500) @HumanWritten String title,
        @Size(max = 2000) @HumanWritten @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String url,
        @ValidPartialDate PartialDate publishedOn,
        SourceReliability reliability,
        AccessLevel accessLevel) {
}
