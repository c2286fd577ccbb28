-- Incidents (issue 13): what is done to a person outside any detention (a travel ban, a passport
-- taken at a border, a summons, a search). They belong to the person, not to a detention, and are
-- in the person's feed and in the feed of the country whose authorities acted.
CREATE TABLE incident (
    id                uuid          PRIMARY KEY,
    person_id         uuid          NOT NULL REFERENCES person (id),
    type              varchar(40)   NOT NULL,
    occurred_year     integer       NOT NULL,
    occurred_month    integer,
    occurred_day      integer,
    occurred_sort     date          NOT NULL, -- the last day the date can be, as timelines sort
    precision_rank    smallint      NOT NULL,
    until_year        integer,
    until_month       integer,
    until_day         integer,
    country           varchar(2)    NOT NULL,
    authority         varchar(300),
    place             varchar(300),
    description       varchar(2000),
    access_level      varchar(20)   NOT NULL,
    sources           jsonb         NOT NULL,
    state             varchar(20)   NOT NULL,
    retraction_reason varchar(2000),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL,
    recorded_from     timestamptz   NOT NULL -- set by habeas_keep_history (V5)
);
-- ListIncidents: a person's incidents in timeline order, keyset on (date, precision, id).
CREATE INDEX incident_by_person ON incident (person_id, occurred_sort, precision_rank, id);

-- Its history, as V5 keeps every versioned table's.
CREATE TABLE incident_history (LIKE incident);
ALTER TABLE incident_history ADD COLUMN recorded_until timestamptz NOT NULL;
CREATE TRIGGER incident_keep_history BEFORE INSERT OR UPDATE OR DELETE ON incident
    FOR EACH ROW EXECUTE FUNCTION habeas_keep_history();
CREATE TRIGGER incident_history_append_only BEFORE UPDATE OR DELETE ON incident_history
    FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change();
CREATE TRIGGER incident_history_no_truncate BEFORE TRUNCATE ON incident_history
    FOR EACH STATEMENT EXECUTE FUNCTION habeas_refuse_change();
CREATE INDEX incident_history_by_id ON incident_history (id, recorded_from);
CREATE INDEX incident_history_by_person ON incident_history (person_id, occurred_sort, precision_rank, id);

-- An incident's feed entry hangs under no detention: its country is the incident's, its level
-- the most restrictive of the incident's and its person's.
ALTER TABLE feed_entry ALTER COLUMN detention_id DROP NOT NULL;
ALTER TABLE feed_entry_history ALTER COLUMN detention_id DROP NOT NULL;
