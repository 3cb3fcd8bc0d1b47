-- The customer's page: the requests a person raised, in code order, and what his segment receives without asking.
-- Portable SQL: runs on H2 and PostgreSQL.
CREATE INDEX pmo_service_requested_by_idx ON pmo_service (requested_by, code);

CREATE INDEX service_offering_segment_level_idx ON service_offering (segment, offering_level);
