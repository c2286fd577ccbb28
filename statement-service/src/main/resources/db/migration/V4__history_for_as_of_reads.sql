-- As known on a date (issue 12): every versioned table T keeps each row version it replaced or
-- deleted in T_history, so that a read "as of" an instant t sees, for each T, the rows of T with
-- recorded_from <= t and the rows of T_history with recorded_from <= t < recorded_until. The
-- database keeps it, by trigger, whoever writes: no service code can forget it. The same as
-- detention-service's V5.
--
-- Times are transactions' starts (now()), as the revision table's created_at: all that one write
-- changed becomes known at one instant. Rows stored before this version get recorded_from = their
-- updated_at where the table has one (actors, statements), '-infinity' otherwise (claims and their
-- projections): their earlier states were not kept, and an as-of read before that time does not
-- know those records.

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

ALTER TABLE actor ADD COLUMN recorded_from timestamptz;
UPDATE actor SET recorded_from = updated_at;
ALTER TABLE statement ADD COLUMN recorded_from timestamptz;
UPDATE statement SET recorded_from = updated_at;
ALTER TABLE claim ADD COLUMN recorded_from timestamptz;
UPDATE claim SET recorded_from = '-infinity';
ALTER TABLE claim_subject_person ADD COLUMN recorded_from timestamptz;
UPDATE claim_subject_person SET recorded_from = '-infinity';
ALTER TABLE claim_country ADD COLUMN recorded_from timestamptz;
UPDATE claim_country SET recorded_from = '-infinity';

-- T_history: T's columns (a generated one as a plain copy) and recorded_until; append-only. A
-- column added to T later must be added to T_history in the same migration.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['actor', 'statement', 'claim', 'claim_subject_person', 'claim_country'] LOOP
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
-- a statement's claims, the claims answering others, the person and country feeds in keyset
-- order, a country's statements, and the projections of a statement.
CREATE INDEX actor_history_by_id ON actor_history (id, recorded_from);
CREATE INDEX statement_history_by_id ON statement_history (id, recorded_from);
CREATE INDEX statement_history_by_actor_country ON statement_history (actor_country, made_sort, precision_rank, id);
CREATE INDEX claim_history_by_id ON claim_history (id, recorded_from);
CREATE INDEX claim_history_by_statement ON claim_history (statement_id, position);
CREATE INDEX claim_history_by_answered ON claim_history (answers_claim_id);
CREATE INDEX claim_subject_person_history_feed ON claim_subject_person_history (person_id, made_sort, precision_rank, claim_id);
CREATE INDEX claim_subject_person_history_by_statement ON claim_subject_person_history (statement_id);
CREATE INDEX claim_country_history_feed ON claim_country_history (country, made_sort, precision_rank, claim_id);
CREATE INDEX claim_country_history_by_statement ON claim_country_history (statement_id);
