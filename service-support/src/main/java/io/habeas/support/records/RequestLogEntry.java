package io.habeas.support.records;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A write already done under a client request id, with the answer it gave. */
@Entity
@Table(name = "request_log")
public class RequestLogEntry extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "method", nullable = false)
    public String method;

    @Column(name = "fingerprint", nullable = false)
    public byte[] fingerprint;

    @Column(name = "response", nullable = false)
    public byte[] response;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
