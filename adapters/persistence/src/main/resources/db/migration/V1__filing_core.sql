-- Applications and the register. Uniqueness the domain relies on is held here too, so that no race,
-- retry or second instance can break it: request ids per provider, one open application per subject,
-- unique filing numbers, one subject per certificate, one owner per registrable domain, one APP per
-- platform + package.

CREATE TABLE application (
    id                           CHAR(36)     NOT NULL PRIMARY KEY,
    provider_id                  VARCHAR(64)  NOT NULL,
    request_id                   VARCHAR(64)  NULL,
    operation                    VARCHAR(32)  NOT NULL,
    state                        VARCHAR(32)  NOT NULL,
    province_code                CHAR(2)      NOT NULL,
    subject_nature               INT          NOT NULL,
    subject_name                 VARCHAR(200) NOT NULL,
    subject_certificate_type     INT          NOT NULL,
    subject_certificate_number   VARCHAR(40)  NOT NULL,
    subject_address              VARCHAR(300) NULL,
    principal_name               VARCHAR(100) NOT NULL,
    principal_certificate_type   INT          NOT NULL,
    principal_certificate_number VARCHAR(40)  NOT NULL,
    principal_phone              VARCHAR(20)  NOT NULL,
    principal_email              VARCHAR(254) NOT NULL,
    subject_number               VARCHAR(40)  NULL,
    submitted_at                 DATETIME(6)  NOT NULL,
    queued_at                    DATETIME(6)  NULL,
    -- set while the application is open, NULL once decided: MariaDB has no partial unique index
    open_subject_key             VARCHAR(64)  NULL,
    version                      BIGINT       NOT NULL,
    UNIQUE KEY uk_application_request (provider_id, request_id),
    UNIQUE KEY uk_application_open_subject (open_subject_key),
    KEY ix_application_queue (province_code, state, queued_at),
    KEY ix_application_provider (provider_id, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE application_service (
    id                           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id               CHAR(36)     NOT NULL,
    position                     INT          NOT NULL,
    kind                         VARCHAR(16)  NOT NULL,
    name                         VARCHAR(200) NOT NULL,
    domains                      TEXT         NULL,
    home_url                     VARCHAR(500) NULL,
    platform                     VARCHAR(50)  NULL,
    app_key                      VARCHAR(255) NULL,
    signing_fingerprint          VARCHAR(64)  NULL,
    principal_name               VARCHAR(100) NOT NULL,
    principal_certificate_type   INT          NOT NULL,
    principal_certificate_number VARCHAR(40)  NOT NULL,
    principal_phone              VARCHAR(20)  NOT NULL,
    principal_email              VARCHAR(254) NOT NULL,
    access_method                INT          NOT NULL,
    access_ips                   TEXT         NULL,
    server_location              CHAR(2)      NULL,
    UNIQUE KEY uk_application_service_position (application_id, position),
    CONSTRAINT fk_application_service FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE application_transition (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id CHAR(36)     NOT NULL,
    seq            INT          NOT NULL,
    from_state     VARCHAR(32)  NULL,
    to_state       VARCHAR(32)  NOT NULL,
    actor_kind     VARCHAR(32)  NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,
    at             DATETIME(6)  NOT NULL,
    reasons        VARCHAR(1000) NULL,
    comment        TEXT         NULL,
    UNIQUE KEY uk_application_transition_seq (application_id, seq),
    CONSTRAINT fk_application_transition FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE filing_number_sequence (
    province_code CHAR(2) NOT NULL,
    year          INT     NOT NULL,
    last_serial   INT     NOT NULL,
    PRIMARY KEY (province_code, year)
) ENGINE = InnoDB;

CREATE TABLE filing (
    subject_number             VARCHAR(40)  NOT NULL PRIMARY KEY,
    province_code              CHAR(2)      NOT NULL,
    subject_nature             INT          NOT NULL,
    subject_name               VARCHAR(200) NOT NULL,
    subject_key                VARCHAR(64)  NOT NULL,
    approved_application_id    CHAR(36)     NOT NULL,
    approved_at                DATETIME(6)  NOT NULL,
    next_service_sequence      INT          NOT NULL,
    version                    BIGINT       NOT NULL,
    UNIQUE KEY uk_filing_subject (subject_key),
    KEY ix_filing_subject_name (subject_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE filed_service (
    service_number VARCHAR(48)  NOT NULL PRIMARY KEY,
    subject_number VARCHAR(40)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    domains        TEXT         NULL,
    home_url       VARCHAR(500) NULL,
    platform       VARCHAR(50)  NULL,
    app_key        VARCHAR(255) NULL,
    approved_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_filed_service_app (kind, platform, app_key),
    KEY ix_filed_service_subject (subject_number),
    CONSTRAINT fk_filed_service_filing FOREIGN KEY (subject_number) REFERENCES filing (subject_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- one row per registrable domain: its owner subject. A second subject's insert fails on the primary key.
CREATE TABLE registrable_domain_owner (
    registrable_domain VARCHAR(253) NOT NULL PRIMARY KEY,
    subject_number     VARCHAR(40)  NOT NULL,
    CONSTRAINT fk_domain_owner_filing FOREIGN KEY (subject_number) REFERENCES filing (subject_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE filed_domain (
    domain             VARCHAR(253) NOT NULL PRIMARY KEY,
    registrable_domain VARCHAR(253) NOT NULL,
    service_number     VARCHAR(48)  NOT NULL,
    KEY ix_filed_domain_registrable (registrable_domain),
    CONSTRAINT fk_filed_domain_service FOREIGN KEY (service_number) REFERENCES filed_service (service_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
