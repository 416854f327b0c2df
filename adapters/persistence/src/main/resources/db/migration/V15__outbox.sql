-- The outbox: what leaves the system, written in the transaction of the change that causes it and delivered by the
-- relay. A relay claims due rows with SELECT … FOR UPDATE SKIP LOCKED and stamps its claim token; the token is checked
-- again when the outcome is recorded, so a relay whose lease ran out cannot overwrite another's outcome.
CREATE TABLE outbox_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    idempotency_key VARCHAR(160) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    template        VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    -- the template's values (fields and items); emptied once delivered when secret (a verification code)
    payload         MEDIUMTEXT   NOT NULL,
    secret          BOOLEAN      NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    delivered_at    DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    claim_token     CHAR(36)     NULL,
    UNIQUE KEY uk_outbox_key (idempotency_key),
    KEY ix_outbox_due (state, next_attempt_at),
    KEY ix_outbox_channel (channel, state, created_at),
    KEY ix_outbox_recipient (channel, recipient(64))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- every attempt, with the relay (claim token) that made it and the receiver's answer
CREATE TABLE outbox_attempt (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id   BIGINT        NOT NULL,
    number     INT           NOT NULL,
    at         DATETIME(6)   NOT NULL,
    relay      CHAR(36)      NOT NULL,
    delivered  BOOLEAN       NOT NULL,
    error      VARCHAR(500)  NULL,
    refs       VARCHAR(2000) NULL,
    KEY ix_outbox_attempt_entry (entry_id, id),
    CONSTRAINT fk_outbox_attempt_entry FOREIGN KEY (entry_id) REFERENCES outbox_entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the receiver's references of a delivery (an SMS centre's message ids) and the receipts it reports for them; a
-- receipt may come before the delivery is recorded, so entry_id is filled by whichever comes second
CREATE TABLE outbox_receipt (
    reference   VARCHAR(100) NOT NULL PRIMARY KEY,
    entry_id    BIGINT       NULL,
    state       VARCHAR(32)  NULL,
    reported_at DATETIME(6)  NULL,
    KEY ix_outbox_receipt_entry (entry_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
