package io.habeas.detention.domain;

import io.habeas.support.validation.HumanWritten;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Another way a person's name is written, with the BCP-47 tag of its language and script. */
public record Alias(
        @NotBlank @Size(max = 300) @HumanWritten String name,
        @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP-47 language tag such as az or ru-Cyrl")
        String languageCode) {
}
