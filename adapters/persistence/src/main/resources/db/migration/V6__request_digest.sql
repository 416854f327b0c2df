-- The SHA-256 of the request a request id came with, to refuse the same id on a different request
-- (REQUEST_ID_REUSED). NULL for applications stored before: those cannot tell and answer as before.
ALTER TABLE application ADD COLUMN request_digest CHAR(64) NULL AFTER request_id;
