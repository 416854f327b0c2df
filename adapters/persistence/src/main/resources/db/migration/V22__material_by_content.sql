-- A material is found by its content (UploadMaterial): the same provider's same bytes of the same kind get the first
-- upload's id again, so a retried submission is the same request. Not unique: two uploads racing may both store. Written to be applied again harmlessly.
CREATE INDEX IF NOT EXISTS ix_material_content ON material (provider_id, kind, sha256);
