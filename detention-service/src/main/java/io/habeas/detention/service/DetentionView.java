package io.habeas.detention.service;

import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;

/** A detention as one reader sees it: the record, and where it stands given the custody events that reader may see. */
public record DetentionView(Detention detention, DetentionOutcome outcome) {
}
