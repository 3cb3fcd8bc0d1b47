-- The API's HTTP conventions, kept in the database so that every node of a cluster honours them. Portable SQL.

-- A row per resource changed with If-Match: the change locks it, so that checking the tag and writing are one step.
CREATE TABLE api_resource_lock (
    resource       VARCHAR(255)  NOT NULL PRIMARY KEY
);

-- The first answer to a creation sent with an Idempotency-Key, replayed to its retries (per user and key).
CREATE TABLE api_idempotent_request (
    user_id        VARCHAR(255)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint    VARCHAR(64)   NOT NULL,
    status         INTEGER,
    location       VARCHAR(1000),
    content_type   VARCHAR(255),
    body           VARCHAR(1048576),
    -- milliseconds since the epoch: compared as they are, on every database
    created_at     BIGINT        NOT NULL,
    CONSTRAINT api_idempotent_request_pk PRIMARY KEY (user_id, idempotency_key)
);

CREATE INDEX api_idempotent_request_created ON api_idempotent_request (created_at);
