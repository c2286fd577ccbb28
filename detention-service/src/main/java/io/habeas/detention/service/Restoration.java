package io.habeas.detention.service;

import io.habeas.kernel.names.Ids;
import io.habeas.kernel.text.HumanText;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.HumanWritten;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** An admin's restore of a record to one of its revisions: which one, the version it replaces, and why (in NFC). */
@CrossFieldChecked
public record Restoration(String revisionId, @NotBlank @Size(max = 100) String etag,
        @NotBlank @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String reason) implements CrossFieldRules {
    public Restoration {
        reason = HumanText.normalized(reason);
    }

    @Override
    public Map<String, String> brokenRules() {
        return Ids.parse(revisionId).isPresent() ? Map.of()
                : Map.of("revisionId", "is not a revision id: take one from the record's List*Revisions answer");
    }
}
