package io.habeas.detention.domain;

import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.records.RetractableRecord;
import io.habeas.support.search.NameSearch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Someone detained or at risk; one entered in error is retracted (migration V4), never deleted. */
@Entity
@Table(name = "person")
public class Person extends RetractableRecord {
    @Column(name = "display_name", nullable = false)
    public String displayName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "aliases", nullable = false)
    public List<Alias> aliases;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "citizenships", nullable = false)
    public String[] citizenships;

    @Column(name = "description")
    public String description;

    /** Its identifiers in other databases; person_external_id holds each for this person alone (V10). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids", nullable = false)
    public List<ExternalId> externalIds = List.of();

    /** Every name of the person in one text, which the database folds for search. */
    @Column(name = "search_names", nullable = false)
    public String searchNames;

    @Override
    public String resourceName() {
        return PersonName.of(id).toString();
    }

    public void rebuildSearchNames() {
        searchNames = NameSearch.searchText(Stream.concat(Stream.of(displayName), aliases.stream().map(Alias::name)));
    }
}
