-- Who was given which CONFIDENTIAL record (issue 12): one row per record per answer, written
-- before the answer is sent, never changed or deleted (habeas_refuse_change, migration V3).
CREATE TABLE read_audit (
    id         uuid          PRIMARY KEY, -- UUIDv7: newest first is the primary key read backwards
    principal  varchar(300)  NOT NULL,    -- the subject of the caller's token
    resource   varchar(200)  NOT NULL,    -- the record's resource name
    method     varchar(200)  NOT NULL,    -- "habeas.statement.v1.StatementService/GetStatement"
    read_at    timestamptz   NOT NULL DEFAULT now()
);
-- Newest first by reader and by record.
CREATE INDEX read_audit_by_principal ON read_audit (principal, id DESC);
CREATE INDEX read_audit_by_resource ON read_audit (resource, id DESC);
CREATE TRIGGER read_audit_append_only BEFORE UPDATE OR DELETE ON read_audit
    FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change();
CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON read_audit
    FOR EACH STATEMENT EXECUTE FUNCTION habeas_refuse_change();

-- request_log entries expire after HABEAS_REQUEST_LOG_RETENTION (30 days by default); the purge
-- finds them oldest first. Entries written before this version keep the first answer's records
-- until they expire; a retry reads the records again all the same.
CREATE INDEX request_log_by_age ON request_log (created_at);
