-- External identifiers (issue 13): an actor's ids in other databases, such as a Wikidata item,
-- as detention-service's V10 has them for persons. They are kept with the actor, so its history
-- keeps them too, and in actor_external_id, which holds each (scheme, value) for one actor at most.
-- A trigger keeps actor_external_id from actor.external_ids, whoever writes: of two writes giving
-- one pair at once, the later fails on actor_external_id_unique (SQLState 23505), which the
-- service answers as ALREADY_EXISTS. ListActors finds an actor by a pair through its primary key.
--
-- actor_external_id is an index of actor.external_ids, not a record of its own: it has no history.
-- Schemes are stored in lower case and values as written (NFC, without surrounding spaces).

ALTER TABLE actor ADD COLUMN external_ids jsonb NOT NULL DEFAULT '[]';
-- As V4 has it: a column added to T is added to T_history in the same migration.
ALTER TABLE actor_history ADD COLUMN external_ids jsonb NOT NULL DEFAULT '[]';

CREATE TABLE actor_external_id (
    scheme   varchar(40)  NOT NULL,
    value    varchar(200) NOT NULL,
    actor_id uuid         NOT NULL REFERENCES actor (id),
    CONSTRAINT actor_external_id_unique PRIMARY KEY (scheme, value)
);
CREATE INDEX actor_external_id_by_actor ON actor_external_id (actor_id);

-- Keeps T_external_id (scheme, value, T_id) from T.external_ids after each write of T: the pairs
-- T no longer holds go, the new ones come; one another row holds breaks the unique key.
-- The same as detention-service's V10.
CREATE FUNCTION habeas_register_external_ids() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.external_ids = OLD.external_ids THEN
        RETURN NULL;
    END IF;
    EXECUTE format('DELETE FROM %1$I.%2$I r WHERE r.%3$I = $1 AND NOT EXISTS ('
                   'SELECT 1 FROM jsonb_to_recordset($2) AS x(scheme text, value text)'
                   ' WHERE x.scheme = r.scheme AND x.value = r.value)',
                   TG_TABLE_SCHEMA, TG_TABLE_NAME || '_external_id', TG_TABLE_NAME || '_id')
        USING NEW.id, NEW.external_ids;
    EXECUTE format('INSERT INTO %1$I.%2$I (scheme, value, %3$I)'
                   ' SELECT x.scheme, x.value, $1 FROM jsonb_to_recordset($2) AS x(scheme text, value text)'
                   ' WHERE NOT EXISTS (SELECT 1 FROM %1$I.%2$I r'
                   ' WHERE r.scheme = x.scheme AND r.value = x.value AND r.%3$I = $1)',
                   TG_TABLE_SCHEMA, TG_TABLE_NAME || '_external_id', TG_TABLE_NAME || '_id')
        USING NEW.id, NEW.external_ids;
    RETURN NULL;
END
$$;

CREATE TRIGGER actor_register_external_ids AFTER INSERT OR UPDATE OF external_ids ON actor
    FOR EACH ROW EXECUTE FUNCTION habeas_register_external_ids();
