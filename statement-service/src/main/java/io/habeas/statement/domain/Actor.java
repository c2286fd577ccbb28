package io.habeas.statement.domain;

import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.ActorName;
import io.habeas.support.records.SourcedRecord;
import io.habeas.support.search.NameSearch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who speaks; reused across statements. */
@Entity
@Table(name = "actor")
public class Actor extends SourcedRecord {
    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public ActorKind kind;

    @Column(name = "office")
    public String office;

    @Column(name = "organization")
    public String organization;

    /** ISO 3166-1 alpha-2; null for international bodies. */
    @Column(name = "country")
    public String country;

    /** The person in detention-service this actor is, or speaks for. */
    @Column(name = "person_ref")
    public UUID personRef;

    /** Its identifiers in other databases; actor_external_id holds each for this actor alone (V6). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids", nullable = false)
    public List<ExternalId> externalIds = List.of();

    /** Name, office and organisation in one text, which the database folds for search. */
    @Column(name = "search_names", nullable = false)
    public String searchNames;

    @Override
    public String resourceName() {
        return ActorName.of(id).toString();
    }

    public void rebuildSearchNames() {
        searchNames = NameSearch.searchText(Stream.of(displayName, office, organization));
    }
}
