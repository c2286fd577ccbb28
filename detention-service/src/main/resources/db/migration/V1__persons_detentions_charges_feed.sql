-- Name folding (habeas_fold), pg_trgm and request_log come first, from grpc-support's
-- db/habeas-support migration.

CREATE TABLE person (
    id            uuid          PRIMARY KEY,
    display_name  varchar(300)  NOT NULL,
    aliases       jsonb         NOT NULL,
    citizenships  varchar(2)[]  NOT NULL,
    description   varchar(2000),
    access_level  varchar(20)   NOT NULL,
    sources       jsonb         NOT NULL,
    search_names  text          NOT NULL,
    search_folded text GENERATED ALWAYS AS (habeas_fold(search_names)) STORED,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL
);
CREATE INDEX person_search_trgm ON person USING gin (search_folded gin_trgm_ops);
CREATE INDEX person_citizenships ON person USING gin (citizenships);

CREATE TABLE detention (
    id                uuid          PRIMARY KEY,
    person_id         uuid          NOT NULL REFERENCES person (id),
    detaining_country varchar(2)    NOT NULL,
    authority         varchar(300),
    place             varchar(300),
    start_year        integer       NOT NULL,
    start_month       integer,
    start_day         integer,
    start_sort        date          NOT NULL, -- the last day the start can be, as timelines sort
    initial_status    varchar(40)   NOT NULL,
    current_status    varchar(40)   NOT NULL,
    end_year          integer,
    end_month         integer,
    end_day           integer,
    access_level      varchar(20)   NOT NULL,
    sources           jsonb         NOT NULL,
    state             varchar(20)   NOT NULL,
    retraction_reason varchar(2000),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL
);
CREATE INDEX detention_by_person ON detention (person_id, start_sort, id);
CREATE INDEX detention_by_country ON detention (detaining_country, start_sort, id);
CREATE INDEX detention_by_status ON detention (current_status, start_sort, id);
CREATE INDEX detention_by_start ON detention (start_sort, id);

CREATE TABLE custody_event (
    id                uuid          PRIMARY KEY,
    detention_id      uuid          NOT NULL REFERENCES detention (id),
    type              varchar(40)   NOT NULL,
    occurred_year     integer       NOT NULL,
    occurred_month    integer,
    occurred_day      integer,
    occurred_sort     date          NOT NULL,
    precision_rank    smallint      NOT NULL,
    until_year        integer,
    until_month       integer,
    until_day         integer,
    place             varchar(300),
    description       varchar(2000),
    access_level      varchar(20)   NOT NULL,
    sources           jsonb         NOT NULL,
    state             varchar(20)   NOT NULL,
    retraction_reason varchar(2000),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL
);
CREATE INDEX custody_event_by_detention ON custody_event (detention_id, occurred_sort, precision_rank, id);

CREATE TABLE charge (
    id                  uuid          PRIMARY KEY,
    detention_id        uuid          NOT NULL REFERENCES detention (id),
    jurisdiction        varchar(2)    NOT NULL,
    legal_code          varchar(300)  NOT NULL,
    article_reference   varchar(50)   NOT NULL,
    article             varchar(30)   NOT NULL,
    article_part        varchar(10),
    article_clause      varchar(10),
    offence_description varchar(1000),
    filed_year          integer       NOT NULL,
    filed_month         integer,
    filed_day           integer,
    filed_sort          date          NOT NULL,
    precision_rank      smallint      NOT NULL,
    status              varchar(20)   NOT NULL,
    status_history      jsonb         NOT NULL,
    access_level        varchar(20)   NOT NULL,
    sources             jsonb         NOT NULL,
    state               varchar(20)   NOT NULL,
    retraction_reason   varchar(2000),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL
);
CREATE INDEX charge_by_detention ON charge (detention_id, filed_sort, precision_rank, id);
CREATE INDEX charge_by_article ON charge (jurisdiction, article);

-- One row per dated fact that a feed shows, kept in step with the records above by the
-- service layer, so that person and country feeds are single index range scans.
CREATE TABLE feed_entry (
    id                  uuid        PRIMARY KEY,
    kind                varchar(40) NOT NULL,
    record_id           uuid        NOT NULL,
    status_change_index integer     NOT NULL,
    detention_id        uuid        NOT NULL REFERENCES detention (id),
    person_id           uuid        NOT NULL REFERENCES person (id),
    detaining_country   varchar(2)  NOT NULL,
    date_year           integer     NOT NULL,
    date_month          integer,
    date_day            integer,
    sort_date           date        NOT NULL,
    period_start        date        NOT NULL,
    precision_rank      smallint    NOT NULL,
    UNIQUE (record_id, status_change_index)
);
CREATE INDEX feed_entry_by_person ON feed_entry (person_id, sort_date, precision_rank, id);
CREATE INDEX feed_entry_by_country ON feed_entry (detaining_country, sort_date, precision_rank, id);
CREATE INDEX feed_entry_by_detention ON feed_entry (detention_id);
