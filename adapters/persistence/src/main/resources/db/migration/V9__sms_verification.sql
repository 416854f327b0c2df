-- 短信核验: one verification per application (a resubmission starts a new one in its place), one row per principal
-- person to confirm. Codes are kept only as salted, iterated SHA-256 hashes; the phone is indexed because the principal confirms
-- by phone, not by application.
CREATE TABLE sms_verification (
    application_id CHAR(36)    NOT NULL PRIMARY KEY,
    state          VARCHAR(16) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    resends        INT         NOT NULL,
    wrong_codes    INT         NOT NULL,
    version        BIGINT      NOT NULL,
    KEY ix_sms_verification_pending (state, expires_at),
    CONSTRAINT fk_sms_verification_application FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sms_confirmation (
    application_id   CHAR(36)     NOT NULL,
    position         INT          NOT NULL,
    phone            VARCHAR(20)  NOT NULL,
    certificate_tail VARCHAR(6)   NOT NULL,
    code_hash        VARCHAR(200) NOT NULL,
    confirmed_at     DATETIME(6)  NULL,
    PRIMARY KEY (application_id, position),
    KEY ix_sms_confirmation_phone (phone),
    CONSTRAINT fk_sms_confirmation_verification FOREIGN KEY (application_id)
        REFERENCES sms_verification (application_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
