-- An application's history is chained too (HistoryChain): each transition carries the SHA-256 of the previous one of
-- the same application and its own. The transitions written before are chained here, in order, over the same text.
ALTER TABLE application_transition
    ADD COLUMN prev_hash CHAR(64) NULL,
    ADD COLUMN hash      CHAR(64) NULL;

SET @chain_hash := '', @chain_application := '';

UPDATE application_transition
SET prev_hash = IF(BINARY @chain_application = BINARY application_id, @chain_hash, ''),
    hash = (@chain_hash := SHA2(CONCAT_WS('|', prev_hash, COALESCE(from_state, ''), to_state, actor_kind, actor_id,
        COALESCE(reasons, ''), COALESCE(comment, ''), DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%s.%fZ')), 256)),
    application_id = (@chain_application := application_id)
ORDER BY application_id, seq;

ALTER TABLE application_transition
    MODIFY COLUMN prev_hash CHAR(64) NOT NULL,
    MODIFY COLUMN hash CHAR(64) NOT NULL;
