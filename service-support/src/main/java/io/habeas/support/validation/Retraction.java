package io.habeas.support.validation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdrawing a record recorded in error: which version, and why. */
public record Retraction(@NotBlank String etag, @NotBlank @Size(max = 2000) String reason) {
}
