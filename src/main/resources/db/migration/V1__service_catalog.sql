-- The PMO service catalog and its audit trail. Portable SQL: runs on H2 and PostgreSQL.

CREATE SEQUENCE pmo_service_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE pmo_service (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    code                  VARCHAR(16)   NOT NULL,
    name                  VARCHAR(120)  NOT NULL,
    description           VARCHAR(2000) NOT NULL,
    offering_level        VARCHAR(16)   NOT NULL,
    stage                 VARCHAR(16)   NOT NULL,
    service_version       INTEGER       NOT NULL,
    owner                 VARCHAR(64),
    requested_by          VARCHAR(64),
    review_cycle          VARCHAR(64)   NOT NULL,
    pilot_period          VARCHAR(64)   NOT NULL,
    next_review_due       TIMESTAMP WITH TIME ZONE,
    lifecycle_instance_id VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version           BIGINT        NOT NULL,
    CONSTRAINT pmo_service_code_uk UNIQUE (code)
);

-- the portfolio and the operations inbox list services by stage, in code order
CREATE INDEX pmo_service_stage_code_idx ON pmo_service (stage, code);

CREATE TABLE pmo_service_segment (
    service_id BIGINT      NOT NULL,
    segment    VARCHAR(32) NOT NULL,
    CONSTRAINT pmo_service_segment_pk PRIMARY KEY (service_id, segment),
    CONSTRAINT pmo_service_segment_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id)
);

CREATE SEQUENCE service_history_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE service_history (
    id          BIGINT        NOT NULL PRIMARY KEY,
    service_id  BIGINT        NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    from_stage  VARCHAR(16),
    to_stage    VARCHAR(16),
    activity    VARCHAR(255),
    decision    VARCHAR(32),
    actor       VARCHAR(64),
    comment     VARCHAR(2000),
    CONSTRAINT service_history_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id)
);

CREATE INDEX service_history_service_idx ON service_history (service_id, occurred_at);
