-- Service Strategy: the organisation's objectives (every change kept), the business case of each service in numbers,
-- the PMO's capacity and budget per year, and the portfolio reviews with what they saw, advised and decided.

CREATE SEQUENCE strategic_objective_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE strategic_objective (
    id          BIGINT        NOT NULL PRIMARY KEY,
    name        VARCHAR(120)  NOT NULL,
    -- the name in lower case: two objectives may not differ only in case
    name_key    VARCHAR(120)  NOT NULL,
    description VARCHAR(2000) NOT NULL,
    weight      INTEGER       NOT NULL,
    valid_from  DATE          NOT NULL,
    valid_to    DATE,
    revision    INTEGER       NOT NULL,
    row_version BIGINT        NOT NULL,
    CONSTRAINT strategic_objective_name_uk UNIQUE (name_key)
);

CREATE SEQUENCE strategic_objective_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE strategic_objective_change (
    id           BIGINT        NOT NULL PRIMARY KEY,
    objective_id BIGINT        NOT NULL,
    revision     INTEGER       NOT NULL,
    name         VARCHAR(120)  NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    weight       INTEGER       NOT NULL,
    valid_from   DATE          NOT NULL,
    valid_to     DATE,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(64),
    CONSTRAINT strategic_objective_change_objective_fk FOREIGN KEY (objective_id) REFERENCES strategic_objective (id)
);

CREATE INDEX strategic_objective_change_objective_idx ON strategic_objective_change (objective_id, revision);

CREATE TABLE business_case (
    service_id   BIGINT           NOT NULL PRIMARY KEY,
    annual_cost  DOUBLE PRECISION NOT NULL,
    effort_days  DOUBLE PRECISION NOT NULL,
    estimated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    estimated_by VARCHAR(64),
    CONSTRAINT business_case_service_fk FOREIGN KEY (service_id) REFERENCES pmo_service (id)
);

CREATE TABLE business_case_contribution (
    service_id   BIGINT  NOT NULL,
    objective_id BIGINT  NOT NULL,
    score        INTEGER NOT NULL,
    CONSTRAINT business_case_contribution_pk PRIMARY KEY (service_id, objective_id),
    CONSTRAINT business_case_contribution_case_fk FOREIGN KEY (service_id) REFERENCES business_case (service_id),
    CONSTRAINT business_case_contribution_objective_fk FOREIGN KEY (objective_id) REFERENCES strategic_objective (id)
);

CREATE TABLE business_case_dependency (
    service_id    BIGINT      NOT NULL,
    other_service BIGINT      NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    CONSTRAINT business_case_dependency_pk PRIMARY KEY (service_id, other_service, kind),
    CONSTRAINT business_case_dependency_case_fk FOREIGN KEY (service_id) REFERENCES business_case (service_id),
    CONSTRAINT business_case_dependency_other_fk FOREIGN KEY (other_service) REFERENCES pmo_service (id)
);

CREATE TABLE pmo_capacity (
    plan_year     INTEGER          NOT NULL PRIMARY KEY,
    capacity_days DOUBLE PRECISION NOT NULL,
    budget        DOUBLE PRECISION NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(64)
);

CREATE SEQUENCE portfolio_review_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE portfolio_review (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    started_by          VARCHAR(64),
    reason              VARCHAR(500)   NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE,
    decided_by          VARCHAR(64),
    snapshot            VARCHAR(1000000),
    recommendation      VARCHAR(1000000),
    decisions           VARCHAR(1000000)
);

CREATE INDEX portfolio_review_started_idx ON portfolio_review (started_at);
