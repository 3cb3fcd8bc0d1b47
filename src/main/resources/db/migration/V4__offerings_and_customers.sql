-- Offerings per customer segment, customers and their subscriptions; agreements gain a risk margin of their own and
-- measurements may name the customer they were taken for. Portable SQL: runs on H2 and PostgreSQL.

-- An offering of one version of a service to one customer segment. A version without rows offers the segments its
-- service lists, at the service's level (services recorded before offerings existed).
CREATE SEQUENCE service_offering_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE service_offering (
    id              BIGINT       NOT NULL PRIMARY KEY,
    service_id      BIGINT       NOT NULL,
    service_version INTEGER      NOT NULL,
    segment         VARCHAR(32)  NOT NULL,
    offering_level  VARCHAR(16)  NOT NULL,
    capacity        INTEGER,
    description     VARCHAR(255),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_offering_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id),
    CONSTRAINT service_offering_segment_uk UNIQUE (service_id, service_version, segment)
);

-- null: no early warning but a trend that will cross the target
ALTER TABLE performance_agreement ADD COLUMN risk_margin DOUBLE PRECISION;

CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE customer (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(120) NOT NULL,
    name_key      VARCHAR(120) NOT NULL,
    segment       VARCHAR(32)  NOT NULL,
    contact_email VARCHAR(254) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64),
    row_version   BIGINT       NOT NULL,
    CONSTRAINT customer_name_uk UNIQUE (name_key)
);

-- a person of service-customers belongs to one customer organisation
CREATE TABLE customer_member (
    customer_id BIGINT      NOT NULL,
    user_id     VARCHAR(64) NOT NULL,
    CONSTRAINT customer_member_pk PRIMARY KEY (customer_id, user_id),
    CONSTRAINT customer_member_user_uk UNIQUE (user_id),
    CONSTRAINT customer_member_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
);

ALTER TABLE sla_measurement ADD COLUMN customer_id BIGINT;
ALTER TABLE sla_measurement ADD CONSTRAINT sla_measurement_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);

CREATE SEQUENCE subscription_seq START WITH 1 INCREMENT BY 1;

-- A customer's subscription to the additional offering of a service for the customer's segment. open_marker is 1
-- while the subscription is pending or active and null afterwards: the unique key allows one open subscription per
-- customer and offering, and any number of ended ones.
CREATE TABLE subscription (
    id                  BIGINT      NOT NULL PRIMARY KEY,
    customer_id         BIGINT      NOT NULL,
    service_id          BIGINT      NOT NULL,
    segment             VARCHAR(32) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    open_marker         INTEGER,
    requested_by        VARCHAR(64),
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by          VARCHAR(64),
    decided_at          TIMESTAMP WITH TIME ZONE,
    ended_by            VARCHAR(64),
    ended_at            TIMESTAMP WITH TIME ZONE,
    comment             VARCHAR(2000),
    process_instance_id VARCHAR(64),
    row_version         BIGINT      NOT NULL,
    CONSTRAINT subscription_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT subscription_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id),
    CONSTRAINT subscription_open_uk UNIQUE (customer_id, service_id, segment, open_marker)
);

CREATE INDEX subscription_service_idx ON subscription (service_id, segment, status);
