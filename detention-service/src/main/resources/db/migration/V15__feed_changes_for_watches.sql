-- Live feeds (issue 16): every change of a feed entry, written by trigger in the writing
-- transaction, so that every write path (single writes, the bulk import, restores) emits its
-- changes without code of its own, and only if it commits.
--
-- Readers follow the log by (xid, seq): the writing transaction's id, then the order within it.
-- A sequence alone commits out of order (a later number may be visible before an earlier one
-- whose transaction is still running); a reader that reads only changes of transactions below
-- the oldest one still running, pg_snapshot_xmin(pg_current_snapshot()), never reads past one
-- that may still commit, so it skips nothing by remembering the last (xid, seq) it read.
CREATE TABLE feed_change (
    seq               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid               xid8        NOT NULL DEFAULT pg_current_xact_id(),
    changed_at        timestamptz NOT NULL DEFAULT now(),
    op                char(1)     NOT NULL CHECK (op IN ('I', 'U', 'D')),
    entry_id          uuid        NOT NULL,
    -- The feeds the change concerns: the entry's person and country before and after it.
    person_id         uuid        NOT NULL,
    detaining_country varchar(2)  NOT NULL,
    -- The entry before the change (U, D) as to_jsonb(feed_entry): what a retraction shows.
    before            jsonb
);
CREATE INDEX feed_change_in_order ON feed_change (xid, seq);
CREATE INDEX feed_change_by_person ON feed_change (person_id, xid, seq);
CREATE INDEX feed_change_by_country ON feed_change (detaining_country, xid, seq);
CREATE INDEX feed_change_by_time ON feed_change (changed_at);

-- Never rewritten; only the retention job deletes, oldest first, and records how far it went
-- here, so that a resume point before it is known to have lost changes.
CREATE TRIGGER feed_change_append_only BEFORE UPDATE ON feed_change
    FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change();

CREATE TABLE feed_change_horizon (
    only_row     boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    through_xid  xid8    NOT NULL,
    through_seq  bigint  NOT NULL
);
-- No row until the first purge: nothing was deleted yet.

-- One row per feed a change concerns: an entry moved to another person or country leaves the
-- old feed (op D there) and enters the new one (op I). Notifies on commit, once per transaction
-- (PostgreSQL folds equal notifications of one transaction).
CREATE FUNCTION habeas_log_feed_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO feed_change (op, entry_id, person_id, detaining_country)
        VALUES ('I', NEW.id, NEW.person_id, NEW.detaining_country);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO feed_change (op, entry_id, person_id, detaining_country, before)
        VALUES ('D', OLD.id, OLD.person_id, OLD.detaining_country, to_jsonb(OLD));
    ELSIF OLD.person_id = NEW.person_id AND OLD.detaining_country = NEW.detaining_country THEN
        INSERT INTO feed_change (op, entry_id, person_id, detaining_country, before)
        VALUES ('U', NEW.id, NEW.person_id, NEW.detaining_country, to_jsonb(OLD));
    ELSE
        INSERT INTO feed_change (op, entry_id, person_id, detaining_country, before)
        VALUES ('D', OLD.id, OLD.person_id, OLD.detaining_country, to_jsonb(OLD)),
               ('I', NEW.id, NEW.person_id, NEW.detaining_country, NULL);
    END IF;
    PERFORM pg_notify('habeas_feed_change', '');
    RETURN NULL;
END
$$;

-- An update that changes nothing (habeas_keep_history leaves such a row as it was) is no change.
CREATE TRIGGER feed_entry_log_insert_delete AFTER INSERT OR DELETE ON feed_entry
    FOR EACH ROW EXECUTE FUNCTION habeas_log_feed_change();
CREATE TRIGGER feed_entry_log_update AFTER UPDATE ON feed_entry
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION habeas_log_feed_change();
