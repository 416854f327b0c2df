-- A change of subject or service keeps on record what it changed, field by field (before → after), one line per
-- field: field, before, after separated by tabs (RecordChain.changes); part of the entry's hash.
ALTER TABLE filing_event ADD COLUMN changes TEXT NULL AFTER comment;
