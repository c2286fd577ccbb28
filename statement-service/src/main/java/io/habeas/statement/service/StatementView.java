package io.habeas.statement.service;

import io.habeas.statement.domain.Statement;
import io.habeas.support.records.SourceCitation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement with its claims as one caller sees it: for each claim the later claims that answer
 * it and that the caller may see, and the sources it may see.
 */
public record StatementView(Statement statement, Map<UUID, List<String>> answeredBy, List<SourceCitation> sources) {

    public List<String> answeredBy(UUID claimId) {
        return answeredBy.getOrDefault(claimId, List.of());
    }
}
