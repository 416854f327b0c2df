-- The public query's read model: each filed registrable domain carries the public answer for it (the filed services
-- under it, with their subject), written with the upload that changed it, so that a public query by domain is one
-- read on uk_national_live_domain. NULL on rows written before this version: the query then joins as before.
ALTER TABLE national_domain ADD COLUMN answer MEDIUMTEXT NULL;
