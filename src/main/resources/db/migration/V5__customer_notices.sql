-- Notices to customers (retirement, go-live, new version, breach): each one kept first, then sent by e-mail when a
-- mail server is configured. origin names the step that gave it, so a retried step sends no notice twice. Portable
-- SQL: runs on H2 and PostgreSQL.

CREATE SEQUENCE service_notice_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE service_notice (
    id           BIGINT        NOT NULL PRIMARY KEY,
    service_id   BIGINT        NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    customer_id  BIGINT        NOT NULL,
    recipient    VARCHAR(254)  NOT NULL,
    subject      VARCHAR(255)  NOT NULL,
    body         VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    origin       VARCHAR(200)  NOT NULL,
    CONSTRAINT service_notice_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id),
    CONSTRAINT service_notice_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE INDEX service_notice_service_idx ON service_notice (service_id, created_at);

-- one notice per customer and step
CREATE UNIQUE INDEX service_notice_origin_uk ON service_notice (origin, customer_id);
