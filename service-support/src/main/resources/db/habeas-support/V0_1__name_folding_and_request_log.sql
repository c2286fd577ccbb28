-- What grpc-support needs in every service's own database, applied before the service's
-- migrations (quarkus.flyway.locations lists db/habeas-support).

-- Name search ignores case and accents: "ibadoglu" finds "İbadoğlu". unaccent() is only
-- STABLE, so it is wrapped in an IMMUTABLE function that a generated column may use.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION habeas_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, $1));

-- Every write's request id and first answer, so that a retry returns it (IdempotentCalls).
CREATE TABLE request_log (
    request_id  varchar(64)  PRIMARY KEY,
    method      varchar(200) NOT NULL,
    fingerprint bytea        NOT NULL,
    response    bytea        NOT NULL,
    created_at  timestamptz  NOT NULL
);
