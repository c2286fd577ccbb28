-- Nothing is lost (issue 12): every change of every record leaves a revision, written by the
-- service in the write's own transaction, and never altered afterwards. Records changed before
-- this version have no revisions for those changes: their history starts at their next change.
CREATE TABLE revision (
    id                   uuid          PRIMARY KEY, -- UUIDv7: later revisions sort after earlier ones
    resource_type        varchar(40)   NOT NULL,
    resource_id          uuid          NOT NULL,
    action               varchar(20)   NOT NULL,
    access_level         varchar(20)   NOT NULL, -- the record's effective level as the revision left it
    principal            varchar(300)  NOT NULL,
    request_id           varchar(64)   NOT NULL,
    reason               varchar(2000),
    restored_revision_id uuid,
    created_at           timestamptz   NOT NULL DEFAULT now(), -- its transaction's start, as history's
    snapshot             bytea         NOT NULL  -- the resource's message, every source included
);
-- A record's revisions newest first, the level checked in the index before the heap.
CREATE INDEX revision_by_resource ON revision (resource_id, id DESC, access_level);

-- Append-only: no update, delete or truncate, whoever connects.
CREATE FUNCTION habeas_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER revision_append_only BEFORE UPDATE OR DELETE ON revision
    FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change();
CREATE TRIGGER revision_no_truncate BEFORE TRUNCATE ON revision
    FOR EACH STATEMENT EXECUTE FUNCTION habeas_refuse_change();

-- A person entered in error is retracted, as other records are, never deleted.
ALTER TABLE person ADD COLUMN state varchar(20) NOT NULL DEFAULT 'ACTIVE',
                   ADD COLUMN retraction_reason varchar(2000);
ALTER TABLE person ALTER COLUMN state DROP DEFAULT;
