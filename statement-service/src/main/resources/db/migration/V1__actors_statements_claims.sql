-- Name folding (habeas_fold), pg_trgm and request_log come first, from grpc-support's
-- db/habeas-support migration.

CREATE TABLE actor (
    id            uuid          PRIMARY KEY,
    display_name  varchar(300)  NOT NULL,
    kind          varchar(40)   NOT NULL,
    office        varchar(300),
    organization  varchar(300),
    country       varchar(2),
    person_ref    uuid,          -- a person in detention-service, for detained persons and their lawyers
    access_level  varchar(20)   NOT NULL,
    sources       jsonb         NOT NULL,
    search_names  text          NOT NULL,
    search_folded text GENERATED ALWAYS AS (habeas_fold(search_names)) STORED,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL
);
CREATE INDEX actor_search_trgm ON actor USING gin (search_folded gin_trgm_ops);
CREATE INDEX actor_by_country ON actor (country, id);
CREATE INDEX actor_by_kind ON actor (kind, id);

-- made_sort is the last day the date can be and precision_rank breaks its ties (day 0,
-- month 1, year 2): the timeline order every Habeas feed uses. made_start is the first day,
-- for date ranges, which keep what overlaps them.
CREATE TABLE statement (
    id                uuid          PRIMARY KEY,
    actor_id          uuid          NOT NULL REFERENCES actor (id),
    actor_office      varchar(300),
    actor_country     varchar(2),   -- the actor's country when the statement was recorded
    made_year         integer       NOT NULL,
    made_month        integer,
    made_day          integer,
    made_sort         date          NOT NULL,
    made_start        date          NOT NULL,
    precision_rank    smallint      NOT NULL,
    medium            varchar(40)   NOT NULL,
    title             varchar(500)  NOT NULL,
    summary           varchar(4000),
    quoted_text       text,
    access_level      varchar(20)   NOT NULL,
    sources           jsonb         NOT NULL,
    state             varchar(20)   NOT NULL,
    retraction_reason varchar(2000),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL
);
CREATE INDEX statement_by_date ON statement (made_sort, precision_rank, id);
CREATE INDEX statement_by_actor ON statement (actor_id, made_sort, precision_rank, id);
CREATE INDEX statement_by_actor_country ON statement (actor_country, made_sort, precision_rank, id);

CREATE TABLE claim (
    id                uuid          PRIMARY KEY,
    statement_id      uuid          NOT NULL REFERENCES statement (id),
    position          integer       NOT NULL,
    kind              varchar(40)   NOT NULL,
    text              varchar(4000) NOT NULL,
    subject_persons   uuid[]        NOT NULL,
    subject_countries varchar(2)[]  NOT NULL,
    addressee_country varchar(2),
    answers_claim_id  uuid          REFERENCES claim (id),
    answers_statement_id uuid       REFERENCES statement (id)  -- the answered claim's statement, for its name
);
CREATE INDEX claim_by_statement ON claim (statement_id, position);
CREATE INDEX claim_by_answered ON claim (answers_claim_id);
CREATE INDEX claim_by_kind ON claim (kind, statement_id);

-- Projections of each claim's persons and countries with its statement's date, kept in step
-- by the service in the same transaction as every write, so that the person and country
-- feeds are single index range scans. active is false once the statement is retracted.
CREATE TABLE claim_subject_person (
    claim_id       uuid     NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    person_id      uuid     NOT NULL,
    statement_id   uuid     NOT NULL REFERENCES statement (id),
    made_sort      date     NOT NULL,
    made_start     date     NOT NULL,
    precision_rank smallint NOT NULL,
    active         boolean  NOT NULL,
    PRIMARY KEY (claim_id, person_id)
);
CREATE INDEX claim_subject_person_feed ON claim_subject_person (person_id, made_sort, precision_rank, claim_id);
CREATE INDEX claim_subject_person_by_statement ON claim_subject_person (statement_id);

-- One row per claim and country, whether the claim is about it (subject), addressed to it
-- (addressee), or both.
CREATE TABLE claim_country (
    claim_id       uuid       NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    country        varchar(2) NOT NULL,
    statement_id   uuid       NOT NULL REFERENCES statement (id),
    subject        boolean    NOT NULL,
    addressee      boolean    NOT NULL,
    made_sort      date       NOT NULL,
    made_start     date       NOT NULL,
    precision_rank smallint   NOT NULL,
    active         boolean    NOT NULL,
    PRIMARY KEY (claim_id, country)
);
CREATE INDEX claim_country_feed ON claim_country (country, made_sort, precision_rank, claim_id);
CREATE INDEX claim_country_by_statement ON claim_country (statement_id);
