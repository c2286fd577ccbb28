package io.habeas.statement.service;

import io.habeas.statement.domain.Statement;
import io.habeas.support.records.SourceCitation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A statement with its claims as one caller sees it: for each claim the later claims that answer
 * it and that the caller may see, the sources it may see, and the persons left out of its claims'
 * subjects because detention-service retracted them.
 */
public record StatementView(Statement statement, Map<UUID, List<String>> answeredBy, List<SourceCitation> sources,
                            Set<UUID> retractedPersons) {

    /** The statement whole, every source and subject, no answers: as its revisions keep it. */
    public static StatementView whole(Statement statement) {
        return new StatementView(statement, Map.of(), statement.sources, Set.of());
    }

    public List<String> answeredBy(UUID claimId) {
        return answeredBy.getOrDefault(claimId, List.of());
    }

    /** The claim's subjects that are shown. */
    public List<UUID> subjectPersons(UUID[] stored) {
        return Arrays.stream(stored).filter(p -> !retractedPersons.contains(p)).toList();
    }
}
