package io.habeas.statement.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdrawing a statement recorded in error: which version, and why. */
public record Retraction(@NotBlank String etag, @NotBlank @Size(max = 2000) String reason) {
}
