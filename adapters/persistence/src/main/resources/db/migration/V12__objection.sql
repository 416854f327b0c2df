-- 陈述申辩: objections against a return or a revocation, and the bureau's answers. One open objection per decision:
-- open_target is the target while open, NULL once answered (MariaDB has no partial unique index).
CREATE TABLE objection (
    id            CHAR(36)    NOT NULL PRIMARY KEY,
    provider_id   VARCHAR(64) NOT NULL,
    province_code CHAR(2)     NOT NULL,
    against       VARCHAR(16) NOT NULL,
    target        VARCHAR(64) NOT NULL,
    open_target   VARCHAR(64) NULL,
    statement     TEXT        NOT NULL,
    lodged_at     DATETIME(6) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    answer        TEXT        NULL,
    answered_by_kind VARCHAR(32) NULL,
    answered_by_id   VARCHAR(64) NULL,
    answered_at   DATETIME(6) NULL,
    version       BIGINT      NOT NULL,
    UNIQUE KEY uk_objection_open (open_target),
    KEY ix_objection_province (province_code, state, lodged_at),
    KEY ix_objection_provider (provider_id, lodged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
