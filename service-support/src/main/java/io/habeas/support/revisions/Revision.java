package io.habeas.support.revisions;

import io.habeas.kernel.access.AccessLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of one record, as the change left it; the table refuses updates and deletes. */
@Entity
@Table(name = "revision")
public class Revision extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    public RevisionAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_level", nullable = false)
    public AccessLevel accessLevel;

    @Column(name = "principal", nullable = false)
    public String principal;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "reason")
    public String reason;

    @Column(name = "restored_revision_id")
    public UUID restoredRevisionId;

    /** Set by the database: the transaction's start, the instant its history rows carry too. */
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "snapshot", nullable = false)
    public byte[] snapshot;
}
