-- The public query's read model: each filed registrable domain carries the public answer for it (the filed services
-- under it, with their subject), written with the upload that changed it, so that a public query by domain is one
-- read on uk_national_live_domain. NULL on rows written before this version: the query then joins as before.
ALTER TABLE national_domain ADD COLUMN answer MEDIUMTEXT NULL;

-- nothing reads national_domain by registrable_domain alone (lookups go by live_domain); one index less to write per
-- domain of a bulk import
ALTER TABLE national_domain DROP INDEX ix_national_domain;
