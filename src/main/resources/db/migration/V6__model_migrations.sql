-- Migrations of running lifecycles from one model version to another, as process owners asked for them: the engine
-- runs each as a batch; these keep which instances it was to move, for the report per instance. Portable SQL.

CREATE TABLE model_migration (
    batch_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_key    VARCHAR(255)  NOT NULL,
    from_id        VARCHAR(64)   NOT NULL,
    to_id          VARCHAR(64)   NOT NULL,
    requested_by   VARCHAR(255)  NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE model_migration_instance (
    batch_id       VARCHAR(64)   NOT NULL,
    instance_id    VARCHAR(64)   NOT NULL,
    CONSTRAINT model_migration_instance_pk PRIMARY KEY (batch_id, instance_id),
    CONSTRAINT model_migration_instance_fk FOREIGN KEY (batch_id) REFERENCES model_migration (batch_id)
);
