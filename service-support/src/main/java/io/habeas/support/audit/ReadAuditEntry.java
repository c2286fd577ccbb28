package io.habeas.support.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One CONFIDENTIAL record given to one caller in one answer; the table refuses updates and deletes. */
@Entity
@Table(name = "read_audit")
public class ReadAuditEntry extends PanacheEntityBase {
    /** UUIDv7: later reads have greater ids, so newest first is by id. */
    @Id
    public UUID id;

    @Column(name = "principal", nullable = false, updatable = false)
    public String principal;

    @Column(name = "resource", nullable = false, updatable = false)
    public String resource;

    @Column(name = "method", nullable = false, updatable = false)
    public String method;

    /** Set by the database: the start of the transaction that wrote it, before the answer was sent. */
    @Column(name = "read_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime readAt;
}
