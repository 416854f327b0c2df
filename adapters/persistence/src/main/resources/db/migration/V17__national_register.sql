-- The national register (部侧): filings as the provinces upload them. live_* columns hold the value while the subject,
-- service or domain is filed and NULL after, so the unique keys hold national uniqueness over what is filed only.
CREATE TABLE national_filing (
    subject_number   VARCHAR(40)  NOT NULL PRIMARY KEY,
    province_code    CHAR(2)      NOT NULL,
    version          BIGINT       NOT NULL,
    subject_identity CHAR(64)     NOT NULL,
    live_identity    CHAR(64)     NULL,
    filed            BOOLEAN      NOT NULL,
    subject_name     VARCHAR(200) NOT NULL,
    person           BOOLEAN      NOT NULL,
    nature_name      VARCHAR(40)  NOT NULL,
    uploaded_at      DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_national_live_identity (live_identity),
    KEY ix_national_subject_name (subject_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE national_service (
    number         VARCHAR(48)   NOT NULL PRIMARY KEY,
    subject_number VARCHAR(40)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    filed          BOOLEAN       NOT NULL,
    domains        TEXT          NOT NULL,
    registrable    TEXT          NOT NULL,
    home_url       VARCHAR(500)  NULL,
    app_platform   VARCHAR(32)   NULL,
    app_key        VARCHAR(255)  NULL,
    live_app       VARCHAR(300)  NULL,
    approved_at    DATETIME(6)   NOT NULL,
    pre_approvals  TEXT          NOT NULL,
    UNIQUE KEY uk_national_live_app (live_app),
    KEY ix_national_service_subject (subject_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- registrable domains per subject; live_domain unique: one filed subject per registrable domain in the country
CREATE TABLE national_domain (
    subject_number     VARCHAR(40)  NOT NULL,
    registrable_domain VARCHAR(253) NOT NULL,
    live_domain        VARCHAR(253) NULL,
    PRIMARY KEY (subject_number, registrable_domain),
    UNIQUE KEY uk_national_live_domain (live_domain),
    KEY ix_national_domain (registrable_domain)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- every upload and what became of it (APPLIED, DUPLICATE, STALE), for the record
CREATE TABLE national_upload (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject_number VARCHAR(40) NOT NULL,
    province_code  CHAR(2)     NOT NULL,
    version        BIGINT      NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    at             DATETIME(6) NOT NULL,
    KEY ix_national_upload_subject (subject_number, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- bulk imports: how far each source has been read, committed with each batch (an import resumes after a crash)
CREATE TABLE national_import (
    source     VARCHAR(300) NOT NULL PRIMARY KEY,
    position   BIGINT       NOT NULL,
    updated_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
