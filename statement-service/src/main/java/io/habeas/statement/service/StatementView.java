package io.habeas.statement.service;

import io.habeas.statement.domain.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A statement with its claims, and for each claim the later claims that answer it. */
public record StatementView(Statement statement, Map<UUID, List<String>> answeredBy) {

    public List<String> answeredBy(UUID claimId) {
        return answeredBy.getOrDefault(claimId, List.of());
    }
}
