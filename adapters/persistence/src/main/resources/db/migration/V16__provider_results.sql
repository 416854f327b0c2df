-- The providers' result events (WatchResults, ListResults), appended by the outbox relay. Per provider a gapless
-- sequence: the head row is locked by each append until it commits, so readers only ever see a prefix of it, in
-- order, and a cursor (the last sequence read) never skips an event committed later.
CREATE TABLE provider_result_head (
    provider_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    last_sequence   BIGINT      NOT NULL,
    -- events up to here were dropped for age: a cursor below it has missed events
    purged_through  BIGINT      NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE provider_result (
    provider_id VARCHAR(64)  NOT NULL,
    sequence    BIGINT       NOT NULL,
    event_key   VARCHAR(160) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    payload     MEDIUMTEXT   NOT NULL,
    appended_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (provider_id, sequence),
    UNIQUE KEY uk_provider_result_key (event_key),
    KEY ix_provider_result_appended (appended_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
