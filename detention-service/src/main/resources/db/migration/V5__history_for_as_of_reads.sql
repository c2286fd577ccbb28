-- As known on a date (issue 12): every versioned table T keeps each row version it replaced or
-- deleted in T_history, so that a read "as of" an instant t sees, for each T, the rows of T with
-- recorded_from <= t and the rows of T_history with recorded_from <= t < recorded_until. The
-- database keeps it, by trigger, whoever writes: no service code can forget it.
--
-- Times are transactions' starts (now()), as the revision table's created_at: all that one write
-- changed becomes known at one instant. Rows stored before this version get recorded_from = their
-- updated_at where the table has one, '-infinity' otherwise (feed entries, outcomes): their
-- earlier states were not kept, and an as-of read before that time does not know those records.

-- Keeps T's replaced and deleted row versions in T_history. An update that changes nothing is left
-- alone. A row written earlier in this same transaction is no version anyone could have read, so
-- it is not kept. A row written by a transaction that started later but committed first (the
-- writes of one record take turns through locks) keeps its own start: known times never go back.
CREATE FUNCTION habeas_keep_history() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    generated text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Generated columns are not computed yet in NEW; they follow the others anyway.
        SELECT coalesce(array_agg(attname::text), '{}') INTO generated FROM pg_attribute
        WHERE attrelid = TG_RELID AND attgenerated <> '' AND NOT attisdropped;
        IF to_jsonb(NEW) - generated - 'recorded_from' = to_jsonb(OLD) - generated - 'recorded_from' THEN
            NEW.recorded_from := OLD.recorded_from;
            RETURN NEW;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.recorded_from <> now() THEN
        -- By column name, so that T_history may list T's columns in another order.
        EXECUTE format('INSERT INTO %1$I.%2$I SELECT * FROM jsonb_populate_record(NULL::%1$I.%2$I, $1)',
                       TG_TABLE_SCHEMA, TG_TABLE_NAME || '_history')
            USING to_jsonb(OLD) || jsonb_build_object('recorded_until', greatest(now(), OLD.recorded_from));
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    NEW.recorded_from := CASE TG_OP WHEN 'UPDATE' THEN greatest(now(), OLD.recorded_from) ELSE now() END;
    RETURN NEW;
END
$$;

ALTER TABLE person ADD COLUMN recorded_from timestamptz;
UPDATE person SET recorded_from = updated_at;
ALTER TABLE detention ADD COLUMN recorded_from timestamptz;
UPDATE detention SET recorded_from = updated_at;
ALTER TABLE custody_event ADD COLUMN recorded_from timestamptz;
UPDATE custody_event SET recorded_from = updated_at;
ALTER TABLE charge ADD COLUMN recorded_from timestamptz;
UPDATE charge SET recorded_from = updated_at;
ALTER TABLE feed_entry ADD COLUMN recorded_from timestamptz;
UPDATE feed_entry SET recorded_from = '-infinity';
ALTER TABLE detention_outcome ADD COLUMN recorded_from timestamptz;
UPDATE detention_outcome SET recorded_from = '-infinity';

-- T_history: T's columns (a generated one as a plain copy) and recorded_until; append-only. A
-- column added to T later must be added to T_history in the same migration.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['person', 'detention', 'custody_event', 'charge', 'feed_entry', 'detention_outcome'] LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN recorded_from SET NOT NULL', t);
        EXECUTE format('CREATE TABLE %I (LIKE %I)', t || '_history', t);
        EXECUTE format('ALTER TABLE %I ADD COLUMN recorded_until timestamptz NOT NULL', t || '_history');
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION habeas_keep_history()', t || '_keep_history', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change()', t || '_history_append_only', t || '_history');
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION habeas_refuse_change()', t || '_history_no_truncate', t || '_history');
    END LOOP;
END
$$;

-- The as-of reads use the current tables' indexes for T and these for T_history: records by id,
-- persons' and countries' feeds and detentions in their keyset order, a detention's events,
-- charges and outcomes.
CREATE INDEX person_history_by_id ON person_history (id, recorded_from);
CREATE INDEX detention_history_by_id ON detention_history (id, recorded_from);
CREATE INDEX detention_history_by_person ON detention_history (person_id, start_sort, id);
CREATE INDEX detention_history_by_country ON detention_history (detaining_country, start_sort, id);
CREATE INDEX custody_event_history_by_id ON custody_event_history (id, recorded_from);
CREATE INDEX custody_event_history_by_detention ON custody_event_history (detention_id, occurred_sort, precision_rank, id);
CREATE INDEX charge_history_by_id ON charge_history (id, recorded_from);
CREATE INDEX charge_history_by_detention ON charge_history (detention_id, filed_sort, precision_rank, id);
CREATE INDEX feed_entry_history_by_person ON feed_entry_history (person_id, sort_date, precision_rank, id, access_level);
CREATE INDEX feed_entry_history_by_country ON feed_entry_history (detaining_country, sort_date, precision_rank, id, access_level);
CREATE INDEX detention_outcome_history_by_detention ON detention_outcome_history (detention_id, reader_level, recorded_from);
