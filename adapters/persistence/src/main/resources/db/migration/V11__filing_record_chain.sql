-- Each entry of a filing's record carries the SHA-256 of the previous entry of the same filing and its own
-- (RecordChain): a change made to the table behind the system's back shows as a broken chain. The entries written
-- before are chained here, in order, over the same canonical text RecordChain uses (MariaDB evaluates the assignments
-- of a single-table UPDATE from left to right, row by row in the ORDER BY).
ALTER TABLE filing_event
    ADD COLUMN prev_hash CHAR(64) NULL AFTER at,
    ADD COLUMN hash      CHAR(64) NULL AFTER prev_hash;

SET @chain_hash := '', @chain_subject := '';

UPDATE filing_event
SET prev_hash = IF(BINARY @chain_subject = BINARY subject_number, @chain_hash, ''),
    hash = (@chain_hash := SHA2(CONCAT_WS('|', prev_hash, kind, number, COALESCE(provider_id, ''),
        COALESCE(application_id, ''), COALESCE(actor_kind, ''), COALESCE(actor_id, ''), COALESCE(reasons, ''),
        COALESCE(comment, ''), DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%s.%fZ')), 256)),
    subject_number = (@chain_subject := subject_number)
ORDER BY subject_number, id;

ALTER TABLE filing_event
    MODIFY COLUMN prev_hash CHAR(64) NOT NULL,
    MODIFY COLUMN hash CHAR(64) NOT NULL;
