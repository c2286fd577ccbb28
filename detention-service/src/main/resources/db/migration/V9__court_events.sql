-- Proceedings (issue 13): the court events behind a detention, each naming charges of the same
-- detention; a verdict may set one sentence over all of them (the sentence columns are all set or
-- all NULL). A charge's status change may name the court event it follows: that reference lives in
-- the change's entry of charge.status_history (jsonb), so charge needs no new column.
CREATE TABLE court_event (
    id                 uuid          PRIMARY KEY,
    detention_id       uuid          NOT NULL REFERENCES detention (id),
    type               varchar(40)   NOT NULL,
    occurred_year      integer       NOT NULL,
    occurred_month     integer,
    occurred_day       integer,
    occurred_sort      date          NOT NULL,
    precision_rank     smallint      NOT NULL,
    court              varchar(300),
    place              varchar(300),
    charge_ids         uuid[]        NOT NULL, -- in the order given, at most 50
    decision           varchar(40),
    sentence_years     integer,
    sentence_months    integer,
    sentence_days      integer,
    sentence_suspended boolean,
    closed_to_public   boolean       NOT NULL,
    description        varchar(2000),
    access_level       varchar(20)   NOT NULL,
    sources            jsonb         NOT NULL,
    state              varchar(20)   NOT NULL,
    retraction_reason  varchar(2000),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL,
    recorded_from      timestamptz   NOT NULL
);
-- A detention's court events in timeline order, as its custody events.
CREATE INDEX court_event_by_detention ON court_event (detention_id, occurred_sort, precision_rank, id);

-- History for as-of reads, kept by the triggers of V5, with the indexes the other tables' histories have.
CREATE TABLE court_event_history (LIKE court_event);
ALTER TABLE court_event_history ADD COLUMN recorded_until timestamptz NOT NULL;
CREATE TRIGGER court_event_keep_history BEFORE INSERT OR UPDATE OR DELETE ON court_event
    FOR EACH ROW EXECUTE FUNCTION habeas_keep_history();
CREATE TRIGGER court_event_history_append_only BEFORE UPDATE OR DELETE ON court_event_history
    FOR EACH ROW EXECUTE FUNCTION habeas_refuse_change();
CREATE TRIGGER court_event_history_no_truncate BEFORE TRUNCATE ON court_event_history
    FOR EACH STATEMENT EXECUTE FUNCTION habeas_refuse_change();
CREATE INDEX court_event_history_by_id ON court_event_history (id, recorded_from);
CREATE INDEX court_event_history_by_detention ON court_event_history (detention_id, occurred_sort, precision_rank, id);
