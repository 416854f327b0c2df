-- Reviewers' reads of personal data (an application in full, a material's bytes): appended, never changed.
CREATE TABLE personal_data_read (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    province_code  CHAR(2)     NOT NULL,
    reviewer       VARCHAR(64) NOT NULL,
    application_id CHAR(36)    NOT NULL,
    what           VARCHAR(16) NOT NULL,
    material_id    CHAR(36)    NULL,
    at             DATETIME(6) NOT NULL,
    KEY ix_personal_data_read_province (province_code, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
