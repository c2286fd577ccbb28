package io.habeas.statement.service;

import io.habeas.statement.domain.Actor;
import io.habeas.support.records.SourceCitation;
import java.util.List;

/** An actor as one caller sees it: the sources it may see. */
public record ActorView(Actor actor, List<SourceCitation> sources) {
}
