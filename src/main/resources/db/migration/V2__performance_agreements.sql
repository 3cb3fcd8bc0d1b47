-- Performance agreements (SLAs) per service version and customer segment, their measurements and breaches.

CREATE SEQUENCE performance_agreement_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE performance_agreement (
    id                 BIGINT           NOT NULL PRIMARY KEY,
    service_id         BIGINT           NOT NULL,
    service_version    INTEGER          NOT NULL,
    segment            VARCHAR(32),
    metric             VARCHAR(64)      NOT NULL,
    unit               VARCHAR(16)      NOT NULL,
    direction          VARCHAR(16)      NOT NULL,
    target             DOUBLE PRECISION NOT NULL,
    measurement_period VARCHAR(16)      NOT NULL,
    description        VARCHAR(255),
    active             BOOLEAN          NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version        BIGINT           NOT NULL,
    CONSTRAINT performance_agreement_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id)
);

CREATE INDEX performance_agreement_service_idx ON performance_agreement (service_id, service_version);

CREATE SEQUENCE sla_measurement_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE sla_measurement (
    id             BIGINT           NOT NULL PRIMARY KEY,
    agreement_id   BIGINT           NOT NULL,
    period_start   DATE             NOT NULL,
    measured_value DOUBLE PRECISION NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(64),
    CONSTRAINT sla_measurement_agreement_fk FOREIGN KEY (agreement_id) REFERENCES performance_agreement (id)
);

CREATE INDEX sla_measurement_agreement_period_idx ON sla_measurement (agreement_id, period_start);

CREATE SEQUENCE sla_breach_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sla_breach (
    id               BIGINT           NOT NULL PRIMARY KEY,
    agreement_id     BIGINT           NOT NULL,
    period_start     DATE             NOT NULL,
    measured_value   DOUBLE PRECISION NOT NULL,
    review_requested BOOLEAN          NOT NULL,
    detected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sla_breach_agreement_fk FOREIGN KEY (agreement_id) REFERENCES performance_agreement (id),
    -- one breach per agreement and period: a second low measurement asks for no second review
    CONSTRAINT sla_breach_period_uk UNIQUE (agreement_id, period_start)
);
