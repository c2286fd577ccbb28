package io.habeas.detention.service;

import io.habeas.detention.domain.ChargeStatus;
import io.habeas.detention.domain.ChargeStatusChange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A charge's fields as a revision left them: what an update sets, and its status with the history behind it. */
public record RestoredCharge(@Valid ChargeDraft draft, @NotNull ChargeStatus status,
        @NotNull List<@Valid ChargeStatusChange> statusHistory) {
}
