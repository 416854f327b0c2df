-- The filing becomes an aggregate with a life: services are added, changed and cancelled, providers start and stop
-- hosting them. A filing keeps no copy of what was approved: the subject and each service point at the approved
-- application item that says what they are now (ContentSource); filed_service keeps what the public query shows.
-- `live` is 1 while a subject or service is filed and NULL once cancelled or revoked: MariaDB has no partial unique
-- index, and NULLs never collide, so a cancelled subject may file again and a cancelled APP may be filed by another.

-- target_number: the subject or service number a request names; service_numbers: once approved, the service numbers
-- the decision was about (issued, changed, cancelled), comma-joined in the order of the request
ALTER TABLE application
    ADD COLUMN target_number   VARCHAR(48) NULL AFTER operation,
    ADD COLUMN service_numbers TEXT        NULL AFTER subject_number;

ALTER TABLE filing
    ADD COLUMN state                  VARCHAR(16) NOT NULL DEFAULT 'FILED' AFTER subject_key,
    ADD COLUMN live                   TINYINT     NULL AFTER state,
    ADD COLUMN subject_application_id CHAR(36)    NULL AFTER live,
    ADD COLUMN subject_approved_at    DATETIME(6) NULL AFTER subject_application_id;

UPDATE filing SET live = 1, subject_application_id = approved_application_id, subject_approved_at = approved_at;

ALTER TABLE filing
    MODIFY COLUMN subject_application_id CHAR(36) NOT NULL,
    MODIFY COLUMN subject_approved_at DATETIME(6) NOT NULL,
    DROP INDEX uk_filing_subject,
    ADD UNIQUE KEY uk_filing_subject (subject_key, live),
    ADD KEY ix_filing_province (province_code, state);

ALTER TABLE filed_service
    ADD COLUMN state                 VARCHAR(16) NOT NULL DEFAULT 'FILED' AFTER kind,
    ADD COLUMN live                  TINYINT     NULL AFTER state,
    ADD COLUMN source_application_id CHAR(36)    NULL AFTER live,
    ADD COLUMN source_item           INT         NULL AFTER source_application_id;

-- before, a new filing numbered its services by position: -1 is item 0, -2A item 1 …
UPDATE filed_service s JOIN filing f ON f.subject_number = s.subject_number
SET s.live = 1,
    s.source_application_id = f.approved_application_id,
    s.source_item = CAST(REGEXP_SUBSTR(SUBSTRING_INDEX(s.service_number, '-', -1), '^[0-9]+') AS UNSIGNED) - 1;

ALTER TABLE filed_service
    MODIFY COLUMN source_application_id CHAR(36) NOT NULL,
    MODIFY COLUMN source_item INT NOT NULL,
    DROP INDEX uk_filed_service_app,
    ADD UNIQUE KEY uk_filed_service_app (kind, platform, app_key, live);

UPDATE application a JOIN (
    SELECT source_application_id, GROUP_CONCAT(service_number ORDER BY source_item SEPARATOR ',') AS numbers
    FROM filed_service GROUP BY source_application_id) n ON n.source_application_id = a.id
SET a.service_numbers = n.numbers;

-- 接入信息: who hosts each filed service now, and how
CREATE TABLE filed_access (
    service_number  VARCHAR(48) NOT NULL,
    provider_id     VARCHAR(64) NOT NULL,
    access_method   INT         NOT NULL,
    access_ips      TEXT        NULL,
    server_location CHAR(2)     NULL,
    since           DATETIME(6) NOT NULL,
    PRIMARY KEY (service_number, provider_id),
    KEY ix_filed_access_provider (provider_id),
    CONSTRAINT fk_filed_access_service FOREIGN KEY (service_number) REFERENCES filed_service (service_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO filed_access (service_number, provider_id, access_method, access_ips, server_location, since)
SELECT s.service_number, a.provider_id, x.access_method, x.access_ips, x.server_location, s.approved_at
FROM filed_service s
    JOIN application a ON a.id = s.source_application_id
    JOIN application_service x ON x.application_id = s.source_application_id AND x.position = s.source_item;

-- the record of each filing's life, appended and never changed
CREATE TABLE filing_event (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject_number VARCHAR(40) NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    number         VARCHAR(48) NOT NULL,
    provider_id    VARCHAR(64) NULL,
    application_id CHAR(36)    NULL,
    at             DATETIME(6) NOT NULL,
    KEY ix_filing_event_subject (subject_number, id),
    CONSTRAINT fk_filing_event_filing FOREIGN KEY (subject_number) REFERENCES filing (subject_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO filing_event (subject_number, kind, number, provider_id, application_id, at)
SELECT f.subject_number, 'FILED', f.subject_number, a.provider_id, f.approved_application_id, f.approved_at
FROM filing f JOIN application a ON a.id = f.approved_application_id;

INSERT INTO filing_event (subject_number, kind, number, provider_id, application_id, at)
SELECT s.subject_number, 'SERVICE_ADDED', s.service_number, a.provider_id, s.source_application_id, s.approved_at
FROM filed_service s JOIN application a ON a.id = s.source_application_id
ORDER BY s.approved_at, s.service_number;
