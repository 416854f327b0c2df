-- The record of a filing's life says who acted for the bureau, why, and in what words (a revocation); a provider's
-- request names the provider and the application.
ALTER TABLE filing_event
    ADD COLUMN actor_kind VARCHAR(32)   NULL AFTER application_id,
    ADD COLUMN actor_id   VARCHAR(64)   NULL AFTER actor_kind,
    ADD COLUMN reasons    VARCHAR(1000) NULL AFTER actor_id,
    ADD COLUMN comment    TEXT          NULL AFTER reasons;
