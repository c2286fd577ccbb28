package io.habeas.statement.mapping;

import io.habeas.common.v1.Source;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.service.ActorView;
import io.habeas.statement.service.StatementView;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.Statement;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.grpc.SourceMapper;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a revision keeps of an actor or a statement, and how a kept one is shown to one reader. A
 * revision keeps the record as an admin reads it, every source and subject included; a statement
 * with its claims and retracted claims, without answered_by (it depends on the reader and on other
 * statements, which have revisions of their own).
 */
public final class Snapshots {
    private Snapshots() {
    }

    public static Actor of(io.habeas.statement.domain.Actor actor) {
        return ActorMapper.toProto(new ActorView(actor, actor.sources));
    }

    public static Statement of(io.habeas.statement.domain.Statement statement) {
        return StatementMapper.toProto(StatementView.whole(statement));
    }

    /** The person a kept actor is linked to, if any. */
    public static Set<UUID> persons(Actor kept) {
        return kept.getPerson().isEmpty() ? Set.of() : Set.of(PersonName.parse(kept.getPerson(), "person").id());
    }

    /** The persons a kept statement's claims, retracted ones included, are about. */
    public static Set<UUID> persons(Statement kept) {
        return claims(kept).flatMap(c -> c.getSubjectPersonsList().stream())
                .map(p -> PersonName.parse(p, "subject_persons").id()).collect(Collectors.toSet());
    }

    /** The statements whose claims a kept statement's claims answer. */
    public static Set<UUID> answeredStatements(Statement kept) {
        return claims(kept).filter(c -> !c.getAnswers().isEmpty())
                .map(c -> ClaimName.parse(c.getAnswers(), "answers").statementId()).collect(Collectors.toSet());
    }

    /** A kept actor with the sources the reader may see at the revision's level. */
    public static Actor forReader(Actor kept, AccessLevel level, Clearance reader) {
        return kept.toBuilder().clearSources().addAllSources(visible(kept.getSourcesList(), level, reader)).build();
    }

    /**
     * A kept statement with the sources the reader may see at the revision's level, and its claims
     * without the persons detention-service retracted, as every read shows them.
     */
    public static Statement forReader(Statement kept, AccessLevel level, Clearance reader, Set<UUID> retractedPersons) {
        Statement.Builder shown = kept.toBuilder().clearSources().addAllSources(visible(kept.getSourcesList(), level, reader));
        shown.clearClaims().clearRetractedClaims();
        kept.getClaimsList().forEach(c -> shown.addClaims(without(c, retractedPersons)));
        kept.getRetractedClaimsList().forEach(c -> shown.addRetractedClaims(without(c, retractedPersons)));
        return shown.build();
    }

    private static Claim without(Claim claim, Set<UUID> retractedPersons) {
        List<String> shown = claim.getSubjectPersonsList().stream()
                .filter(p -> !retractedPersons.contains(PersonName.parse(p, "subject_persons").id())).toList();
        return claim.toBuilder().clearSubjectPersons().addAllSubjectPersons(shown).build();
    }

    private static List<Source> visible(List<Source> sources, AccessLevel level, Clearance reader) {
        return sources.stream().filter(s -> SourceAccess.visible(SourceMapper.sources(List.of(s)).get(0), level, reader))
                .toList();
    }

    private static Stream<Claim> claims(Statement kept) {
        return Stream.concat(kept.getClaimsList().stream(), kept.getRetractedClaimsList().stream());
    }
}
