package io.habeas.support.validation;

import io.habeas.kernel.text.HumanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdrawing a record recorded in error: which version, and why (stored in NFC). */
public record Retraction(@NotBlank @Size(max = 100) String etag,
        @NotBlank @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String reason) {
    public Retraction {
        reason = HumanText.normalized(reason);
    }
}
