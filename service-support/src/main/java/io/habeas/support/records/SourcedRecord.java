package io.habeas.support.records;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What every recorded fact has: a time-ordered id, sources, an access level and a version. */
@MappedSuperclass
public abstract class SourcedRecord extends PanacheEntityBase {
    @Id
    public UUID id = UuidV7.next();

    @Enumerated(EnumType.STRING)
    @Column(name = "access_level", nullable = false)
    public AccessLevel accessLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sources", nullable = false)
    public List<SourceCitation> sources;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    public abstract String resourceName();

    public String etag() {
        return Long.toString(version);
    }

    /** Optimistic concurrency: a write based on an older read is refused. */
    public void requireEtag(String etag) {
        if (!etag().equals(etag)) {
            throw ConflictException.staleEtag(resourceName());
        }
    }

    public void touch() {
        updatedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS); // as precise as PostgreSQL keeps it
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }
}
