-- Live claim feeds (issue 16): every change of an item of the person, country-claim and
-- country-statement feeds, written by trigger in the writing transaction, so that every write path
-- (single writes, imports, restores, actor corrections) emits its changes without code of its own,
-- and only if it commits. Read as detention-service's feed_change (its V15): by (xid, seq), only
-- below the oldest transaction still running, so that a reader remembering the last (xid, seq) it
-- read skips nothing that commits later.
CREATE TABLE claim_change (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    -- The transaction's start, as history's recorded_from: as of just before it, the item as it was.
    changed_at   timestamptz NOT NULL DEFAULT now(),
    op           char(1)     NOT NULL CHECK (op IN ('I', 'U', 'D')),
    -- The feed: P a person's claims (key: the person's id), C a country's claims (key: the
    -- country), S a country's statements (key: the actors' country).
    feed         char(1)     NOT NULL CHECK (feed IN ('P', 'C', 'S')),
    feed_key     varchar(36) NOT NULL,
    -- The item: the claim (P, C) or the statement (S); and its statement.
    item_id      uuid        NOT NULL,
    statement_id uuid        NOT NULL,
    -- Logged for every item of the statement at once (its content changed), not for one row.
    whole        boolean     NOT NULL DEFAULT false
);
CREATE INDEX claim_change_in_order ON claim_change (xid, seq);
CREATE INDEX claim_change_by_feed ON claim_change (feed, feed_key, xid, seq);
CREATE INDEX claim_change_by_time ON claim_change (changed_at);
-- For the triggers: a statement's items are logged whole once per transaction.
CREATE INDEX claim_change_by_statement ON claim_change (statement_id, xid) WHERE whole;
-- For the triggers: the statements that answer a statement whose level or actor changed.
CREATE INDEX claim_by_answered_statement ON claim (answers_statement_id) WHERE answers_statement_id IS NOT NULL;

-- Never rewritten; only the retention job deletes, oldest first, recording how far it went.
CREATE TRIGGER claim_change_append_only BEFORE UPDATE ON claim_change
    FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change();

CREATE TABLE claim_change_horizon (
    only_row     boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    through_xid  xid8    NOT NULL,
    through_seq  bigint  NOT NULL
);

-- Every item of these statements changed (their content, actor, level or answers): each active
-- claim in its person and country feeds, and the statement in its country's. Once per statement and
-- transaction: what one transaction did to one item is one change anyway.
CREATE FUNCTION habeas_log_statement_items(ids uuid[]) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    fresh uuid[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT i), '{}') INTO fresh FROM unnest(ids) AS i
    WHERE i IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claim_change c
                                        WHERE c.statement_id = i AND c.whole AND c.xid = pg_current_xact_id());
    IF cardinality(fresh) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id, whole)
    SELECT 'U', 'P', p.person_id::text, p.claim_id, p.statement_id, true
    FROM claim_subject_person p WHERE p.statement_id = ANY (fresh) AND p.active
    UNION ALL
    SELECT 'U', 'C', x.country, x.claim_id, x.statement_id, true
    FROM claim_country x WHERE x.statement_id = ANY (fresh) AND x.active
    UNION ALL
    SELECT 'U', 'S', s.actor_country, s.id, s.id, true
    FROM statement s WHERE s.id = ANY (fresh) AND s.state = 'ACTIVE' AND s.actor_country IS NOT NULL;
    -- A marker, so that a statement with no item yet is not logged again in this transaction.
    IF NOT FOUND THEN
        INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id, whole)
        SELECT 'U', 'S', '', i, i, true FROM unnest(fresh) AS i;
    END IF;
    PERFORM pg_notify('habeas_claim_change', '');
END
$$;

-- The statements answering any of these (one level deep): their visibility hangs on these' levels.
CREATE FUNCTION habeas_statements_answering(ids uuid[]) RETURNS uuid[]
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(DISTINCT c.statement_id), '{}') FROM claim c WHERE c.answers_statement_id = ANY (ids)
$$;

-- A projection row (claim_subject_person, claim_country) entered or left its feed, or moved in it.
-- Only active rows are in a feed: a retracted statement's claims keep inactive rows.
CREATE FUNCTION habeas_log_claim_row() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    feed char(1) := CASE TG_TABLE_NAME WHEN 'claim_subject_person' THEN 'P' ELSE 'C' END;
    old_key text;
    new_key text;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.active THEN
        old_key := CASE feed WHEN 'P' THEN to_jsonb(OLD) ->> 'person_id' ELSE to_jsonb(OLD) ->> 'country' END;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.active THEN
        new_key := CASE feed WHEN 'P' THEN to_jsonb(NEW) ->> 'person_id' ELSE to_jsonb(NEW) ->> 'country' END;
    END IF;
    IF old_key IS NOT NULL AND new_key IS NOT DISTINCT FROM old_key THEN
        INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('U', feed, new_key, NEW.claim_id, NEW.statement_id);
    ELSE
        IF old_key IS NOT NULL THEN
            INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('D', feed, old_key, OLD.claim_id, OLD.statement_id);
        END IF;
        IF new_key IS NOT NULL THEN
            INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('I', feed, new_key, NEW.claim_id, NEW.statement_id);
        END IF;
    END IF;
    IF old_key IS NOT NULL OR new_key IS NOT NULL THEN
        PERFORM pg_notify('habeas_claim_change', '');
    END IF;
    RETURN NULL;
END
$$;

-- A statement entered or left its actors' country feed, or changed; its claims changed with it, and
-- so did the statements answering it when its level or actor changed.
CREATE FUNCTION habeas_log_statement() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    old_key text;
    new_key text;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.state = 'ACTIVE' THEN
        old_key := OLD.actor_country;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.state = 'ACTIVE' THEN
        new_key := NEW.actor_country;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Its own feed entry first (the whole log below skips an item logged as it left or entered).
        IF old_key IS NOT NULL AND new_key IS DISTINCT FROM old_key THEN
            INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('D', 'S', old_key, OLD.id, OLD.id);
        END IF;
        IF new_key IS NOT NULL AND new_key IS DISTINCT FROM old_key THEN
            INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('I', 'S', new_key, NEW.id, NEW.id);
        END IF;
        PERFORM habeas_log_statement_items(ARRAY[NEW.id]);
        IF OLD.access_level <> NEW.access_level OR OLD.actor_id <> NEW.actor_id THEN
            PERFORM habeas_log_statement_items(habeas_statements_answering(ARRAY[NEW.id]));
        END IF;
    ELSIF TG_OP = 'INSERT' AND new_key IS NOT NULL THEN
        INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('I', 'S', new_key, NEW.id, NEW.id);
    ELSIF TG_OP = 'DELETE' AND old_key IS NOT NULL THEN
        INSERT INTO claim_change (op, feed, feed_key, item_id, statement_id) VALUES ('D', 'S', old_key, OLD.id, OLD.id);
    END IF;
    PERFORM pg_notify('habeas_claim_change', '');
    RETURN NULL;
END
$$;

-- A claim added or corrected (text, kind, subjects, answers, retracted): every item of its
-- statement shows it, and the items of the statement it answers show it in answered_by.
CREATE FUNCTION habeas_log_claim() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM habeas_log_statement_items(ARRAY[NEW.statement_id]);
    IF NEW.answers_statement_id IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.answers_statement_id IS NOT NULL) THEN
        PERFORM habeas_log_statement_items(ARRAY[NEW.answers_statement_id,
                                                 CASE TG_OP WHEN 'UPDATE' THEN OLD.answers_statement_id END]);
    END IF;
    RETURN NULL;
END
$$;

-- An actor renamed, relevelled or otherwise corrected: every statement it made shows it, and the
-- statements answering those hang on its level.
CREATE FUNCTION habeas_log_actor() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    made uuid[];
BEGIN
    SELECT coalesce(array_agg(s.id), '{}') INTO made FROM statement s WHERE s.actor_id = NEW.id;
    PERFORM habeas_log_statement_items(made);
    IF OLD.access_level <> NEW.access_level OR OLD.person_ref IS DISTINCT FROM NEW.person_ref THEN
        PERFORM habeas_log_statement_items(habeas_statements_answering(made));
    END IF;
    RETURN NULL;
END
$$;

-- An update that changes nothing is no change: bookkeeping columns (version, updated_at,
-- recorded_from, the generated search column) left aside.
CREATE TRIGGER claim_subject_person_log_insert_delete AFTER INSERT OR DELETE ON claim_subject_person
    FOR EACH ROW EXECUTE FUNCTION habeas_log_claim_row();
CREATE TRIGGER claim_subject_person_log_update AFTER UPDATE ON claim_subject_person
    FOR EACH ROW WHEN (to_jsonb(OLD) - 'recorded_from' IS DISTINCT FROM to_jsonb(NEW) - 'recorded_from')
    EXECUTE FUNCTION habeas_log_claim_row();
CREATE TRIGGER claim_country_log_insert_delete AFTER INSERT OR DELETE ON claim_country
    FOR EACH ROW EXECUTE FUNCTION habeas_log_claim_row();
CREATE TRIGGER claim_country_log_update AFTER UPDATE ON claim_country
    FOR EACH ROW WHEN (to_jsonb(OLD) - 'recorded_from' IS DISTINCT FROM to_jsonb(NEW) - 'recorded_from')
    EXECUTE FUNCTION habeas_log_claim_row();
CREATE TRIGGER statement_log_insert_delete AFTER INSERT OR DELETE ON statement
    FOR EACH ROW EXECUTE FUNCTION habeas_log_statement();
CREATE TRIGGER statement_log_update AFTER UPDATE ON statement
    FOR EACH ROW WHEN (to_jsonb(OLD) - ARRAY['version', 'updated_at', 'recorded_from']
                       IS DISTINCT FROM to_jsonb(NEW) - ARRAY['version', 'updated_at', 'recorded_from'])
    EXECUTE FUNCTION habeas_log_statement();
CREATE TRIGGER claim_log_insert AFTER INSERT ON claim
    FOR EACH ROW EXECUTE FUNCTION habeas_log_claim();
CREATE TRIGGER claim_log_update AFTER UPDATE ON claim
    FOR EACH ROW WHEN (to_jsonb(OLD) - 'recorded_from' IS DISTINCT FROM to_jsonb(NEW) - 'recorded_from')
    EXECUTE FUNCTION habeas_log_claim();
CREATE TRIGGER actor_log_update AFTER UPDATE ON actor
    FOR EACH ROW WHEN (to_jsonb(OLD) - ARRAY['version', 'updated_at', 'recorded_from', 'search_folded']
                       IS DISTINCT FROM to_jsonb(NEW) - ARRAY['version', 'updated_at', 'recorded_from', 'search_folded'])
    EXECUTE FUNCTION habeas_log_actor();
