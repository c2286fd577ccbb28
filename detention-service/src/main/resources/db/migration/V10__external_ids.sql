-- External identifiers (issue 13): a person's ids in other databases, such as a Wikidata item.
-- They are kept with the person, so its history keeps them too (an as-of read finds a person by
-- the ids it had then), and in person_external_id, which holds each (scheme, value) for one person
-- at most, retracted or not. A trigger keeps person_external_id from person.external_ids, whoever
-- writes: of two writes giving one pair at once, the later fails on person_external_id_unique
-- (SQLState 23505), which the service answers as ALREADY_EXISTS.
--
-- person_external_id is an index of person.external_ids, not a record of its own: it has no
-- history; as-of reads read the ids from person and person_history. Schemes are stored in lower
-- case and values as written (NFC, without surrounding spaces): lookups compare them exactly.

ALTER TABLE person ADD COLUMN external_ids jsonb NOT NULL DEFAULT '[]';
-- As V5 has it: a column added to T is added to T_history in the same migration.
ALTER TABLE person_history ADD COLUMN external_ids jsonb NOT NULL DEFAULT '[]';

-- ListPersons by one pair (external_ids @> [{"scheme": ..., "value": ...}]), now and as of an instant.
CREATE INDEX person_by_external_id ON person USING gin (external_ids jsonb_path_ops);
CREATE INDEX person_history_by_external_id ON person_history USING gin (external_ids jsonb_path_ops);

CREATE TABLE person_external_id (
    scheme    varchar(40)  NOT NULL,
    value     varchar(200) NOT NULL,
    person_id uuid         NOT NULL REFERENCES person (id),
    CONSTRAINT person_external_id_unique PRIMARY KEY (scheme, value)
);
CREATE INDEX person_external_id_by_person ON person_external_id (person_id);

-- Keeps T_external_id (scheme, value, T_id) from T.external_ids after each write of T: the pairs
-- T no longer holds go, the new ones come; one another row holds breaks the unique key.
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

CREATE TRIGGER person_register_external_ids AFTER INSERT OR UPDATE OF external_ids ON person
    FOR EACH ROW EXECUTE FUNCTION habeas_register_external_ids();
