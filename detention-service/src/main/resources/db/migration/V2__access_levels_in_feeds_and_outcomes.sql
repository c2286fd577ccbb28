-- Reads filter by the caller's clearance in SQL (issue 10). Two things cannot be filtered
-- from the records alone: a feed entry's level, which hangs on its record, detention and
-- person, and a detention's derived status and end, which hang on which custody events the
-- reader may see. Both are kept here, in step with every write.

-- The most restrictive of several access levels (NULLs ignored), as the kernel's AccessLevel.
CREATE FUNCTION habeas_most_restrictive(VARIADIC levels text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT (ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'])[max(array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], l))]
FROM unnest(levels) AS l
$$;

-- A feed entry's effective level: of its record, its detention and its person.
ALTER TABLE feed_entry ADD COLUMN access_level varchar(20);
UPDATE feed_entry f SET access_level = habeas_most_restrictive(
        (SELECT p.access_level FROM person p WHERE p.id = f.person_id),
        (SELECT d.access_level FROM detention d WHERE d.id = f.detention_id),
        (SELECT e.access_level FROM custody_event e WHERE e.id = f.record_id),
        (SELECT c.access_level FROM charge c WHERE c.id = f.record_id));
ALTER TABLE feed_entry ALTER COLUMN access_level SET NOT NULL;

-- Feeds stay one index range scan each, the level checked in the index before the heap. It is
-- the last key column: after the unique id it never changes the order.
DROP INDEX feed_entry_by_person;
DROP INDEX feed_entry_by_country;
CREATE INDEX feed_entry_by_person ON feed_entry (person_id, sort_date, precision_rank, id, access_level);
CREATE INDEX feed_entry_by_country ON feed_entry (detaining_country, sort_date, precision_rank, id, access_level);

-- Where a detention stands for a reader of each level, replayed from the custody events that
-- reader may see. The detention's own columns told everyone what its most secret event said.
CREATE TABLE detention_outcome (
    detention_id   uuid        NOT NULL REFERENCES detention (id),
    reader_level   varchar(20) NOT NULL,
    current_status varchar(40) NOT NULL,
    end_year       integer,
    end_month      integer,
    end_day        integer,
    PRIMARY KEY (detention_id, reader_level)
);

-- The replay (service CustodyHistory) in SQL, for the records already stored: a final event
-- decides the status; otherwise the latest event that sets one; otherwise the initial status.
INSERT INTO detention_outcome (detention_id, reader_level, current_status, end_year, end_month, end_day)
SELECT d.id, r.level, coalesce(final.status, latest.status, d.initial_status),
       final.occurred_year, final.occurred_month, final.occurred_day
FROM detention d
CROSS JOIN (VALUES ('PUBLIC', 1), ('RESTRICTED', 2), ('CONFIDENTIAL', 3)) AS r (level, rank)
LEFT JOIN LATERAL (
    SELECT CASE e.type WHEN 'RELEASE' THEN 'RELEASED' WHEN 'DEATH_IN_CUSTODY' THEN 'DECEASED' ELSE 'ESCAPED' END AS status,
           e.occurred_year, e.occurred_month, e.occurred_day
    FROM custody_event e
    WHERE e.detention_id = d.id AND e.state = 'ACTIVE' AND e.type IN ('RELEASE', 'DEATH_IN_CUSTODY', 'ESCAPE')
      AND array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], e.access_level) <= r.rank
    ORDER BY e.occurred_sort, e.precision_rank, e.id LIMIT 1) AS final ON true
LEFT JOIN LATERAL (
    SELECT CASE e.type WHEN 'ARREST' THEN 'POLICE_CUSTODY' WHEN 'SENTENCED' THEN 'SERVING_SENTENCE' ELSE e.type END AS status
    FROM custody_event e
    WHERE e.detention_id = d.id AND e.state = 'ACTIVE'
      AND e.type IN ('ARREST', 'PRE_TRIAL_DETENTION', 'HOUSE_ARREST', 'CONDITIONAL_RELEASE', 'SENTENCED', 'WHEREABOUTS_UNKNOWN')
      AND array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], e.access_level) <= r.rank
    ORDER BY e.occurred_sort DESC, e.precision_rank DESC, e.id DESC LIMIT 1) AS latest ON true;

CREATE INDEX detention_outcome_by_status ON detention_outcome (reader_level, current_status);

-- One place for derived facts: the outcomes above (this also drops detention_by_status).
ALTER TABLE detention DROP COLUMN current_status, DROP COLUMN end_year, DROP COLUMN end_month, DROP COLUMN end_day;
