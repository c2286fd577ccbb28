-- Country statistics kept current as data arrives (issue 15), so that a country's summary reads a
-- few rows instead of scanning the country's detainees. Each person's share of its countries'
-- counts, for a reader of each level, is stored; at the commit of a transaction that changed
-- persons, detentions, their outcomes or charges, the shares of the persons changed are computed
-- again and the difference is added to per-country tallies. Reads as of an earlier instant still
-- count from the records (the tallies are not kept as of every instant).

-- What one person adds to a country's counts for a reader of one level. kind: HELD (n is 1 when
-- the person is in an ongoing detention there), STARTED and RELEASED (detentions per year and
-- month, month 0 for a date known to its year only), ARTICLE (charges under one article).
CREATE TABLE country_share (
    person_id    uuid         NOT NULL,
    reader_level varchar(20)  NOT NULL,
    country      varchar(2)   NOT NULL,
    kind         varchar(10)  NOT NULL,
    year         integer      NOT NULL,
    month        integer      NOT NULL,
    jurisdiction varchar(2)   NOT NULL,
    legal_code   varchar(300) NOT NULL,
    article      varchar(30)  NOT NULL,
    n            integer      NOT NULL,
    PRIMARY KEY (person_id, reader_level, country, kind, year, month, jurisdiction, legal_code, article)
);

-- The sum of the shares per country: total is the sum of n, persons the number of persons with a
-- share (an article's person count; HELD's total).
CREATE TABLE country_tally (
    country      varchar(2)   NOT NULL,
    reader_level varchar(20)  NOT NULL,
    kind         varchar(10)  NOT NULL,
    year         integer      NOT NULL,
    month        integer      NOT NULL,
    jurisdiction varchar(2)   NOT NULL,
    legal_code   varchar(300) NOT NULL,
    article      varchar(30)  NOT NULL,
    total        integer      NOT NULL,
    persons      integer      NOT NULL,
    PRIMARY KEY (country, reader_level, kind, year, month, jurisdiction, legal_code, article)
);

-- Persons whose shares this transaction must compute again before it commits.
CREATE TABLE country_share_stale (
    person_id uuid PRIMARY KEY
);

-- The shares of these persons as the records stand, by the rule the summaries count with (service
-- CountryStatisticsRepository, which still applies it to reads as of an earlier instant): an active
-- detention of an active person, both at levels the reader clears, its outcome as that reader sees
-- it; for articles, the active charges the reader clears.
CREATE FUNCTION habeas_country_shares(persons uuid[])
    RETURNS SETOF country_share
    LANGUAGE sql STABLE
AS $$
WITH visible AS (
    SELECT d.id AS detention_id, d.person_id, d.detaining_country AS country, d.start_year,
           coalesce(d.start_month, 0) AS start_month, o.reader_level, o.current_status, o.end_year,
           coalesce(o.end_month, 0) AS end_month
    FROM detention d
    JOIN person p ON p.id = d.person_id
    JOIN detention_outcome o ON o.detention_id = d.id
    WHERE d.person_id = ANY (persons) AND d.state = 'ACTIVE' AND p.state = 'ACTIVE'
      AND habeas_most_restrictive(d.access_level, p.access_level, o.reader_level) = o.reader_level
)
SELECT person_id, reader_level, country, 'HELD', 0, 0, '', '', '', 1
FROM visible WHERE end_year IS NULL
GROUP BY person_id, reader_level, country
UNION ALL
SELECT person_id, reader_level, country, 'STARTED', start_year, start_month, '', '', '', count(*)::integer
FROM visible
GROUP BY person_id, reader_level, country, start_year, start_month
UNION ALL
SELECT person_id, reader_level, country, 'RELEASED', end_year, end_month, '', '', '', count(*)::integer
FROM visible WHERE current_status = 'RELEASED' AND end_year IS NOT NULL
GROUP BY person_id, reader_level, country, end_year, end_month
UNION ALL
SELECT v.person_id, v.reader_level, v.country, 'ARTICLE', 0, 0, c.jurisdiction, c.legal_code, c.article,
       count(*)::integer
FROM visible v
JOIN charge c ON c.detention_id = v.detention_id
WHERE c.state = 'ACTIVE' AND habeas_most_restrictive(c.access_level, v.reader_level) = v.reader_level
GROUP BY v.person_id, v.reader_level, v.country, c.jurisdiction, c.legal_code, c.article
$$;

-- Computes the stale persons' shares again and adds the difference to the tallies. The first run
-- in a transaction takes every stale person (the others' rows are not visible until they commit);
-- later runs find none. The tallies are changed in key order, in one statement, so that two
-- transactions changing the same countries lock their rows in the same order.
CREATE FUNCTION habeas_refresh_country_tallies() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    stale uuid[];
    fresh country_share[];
BEGIN
    WITH taken AS (DELETE FROM country_share_stale RETURNING person_id)
    SELECT array_agg(person_id) INTO stale FROM taken;
    IF stale IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(array_agg(s), '{}') INTO fresh FROM habeas_country_shares(stale) s;
    INSERT INTO country_tally AS t (country, reader_level, kind, year, month, jurisdiction, legal_code, article,
                                    total, persons)
    SELECT country, reader_level, kind, year, month, jurisdiction, legal_code, article, sum(n), sum(person)
    FROM (SELECT f.*, 1 AS person FROM unnest(fresh) f
          UNION ALL
          SELECT s.person_id, s.reader_level, s.country, s.kind, s.year, s.month, s.jurisdiction, s.legal_code,
                 s.article, -s.n, -1
          FROM country_share s WHERE s.person_id = ANY (stale)) AS change
    GROUP BY country, reader_level, kind, year, month, jurisdiction, legal_code, article
    HAVING sum(n) <> 0 OR sum(person) <> 0
    ORDER BY country, reader_level, kind, year, month, jurisdiction, legal_code, article
    ON CONFLICT (country, reader_level, kind, year, month, jurisdiction, legal_code, article)
        DO UPDATE SET total = t.total + excluded.total, persons = t.persons + excluded.persons;
    DELETE FROM country_share WHERE person_id = ANY (stale);
    INSERT INTO country_share SELECT * FROM unnest(fresh);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER country_share_stale_refresh AFTER INSERT ON country_share_stale
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION habeas_refresh_country_tallies();

-- Marks the persons whose records a statement changed, once per person and transaction.
CREATE FUNCTION habeas_mark_shares_stale() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_NAME = 'person' THEN
        INSERT INTO country_share_stale SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
    ELSIF TG_TABLE_NAME = 'detention' THEN
        INSERT INTO country_share_stale SELECT DISTINCT person_id FROM changed ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO country_share_stale
        SELECT DISTINCT d.person_id FROM changed JOIN detention d ON d.id = changed.detention_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['person', 'detention', 'detention_outcome', 'charge'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION habeas_mark_shares_stale()', t || '_inserted_shares', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION habeas_mark_shares_stale()', t || '_updated_shares', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION habeas_mark_shares_stale()', t || '_deleted_shares', t);
    END LOOP;
END
$$;

-- The shares and tallies of what is already stored.
INSERT INTO country_share SELECT * FROM habeas_country_shares(ARRAY(SELECT id FROM person));
INSERT INTO country_tally (country, reader_level, kind, year, month, jurisdiction, legal_code, article, total, persons)
SELECT country, reader_level, kind, year, month, jurisdiction, legal_code, article, sum(n), count(*)
FROM country_share
GROUP BY country, reader_level, kind, year, month, jurisdiction, legal_code, article;
