-- Certificate validity (NULL = 长期) for subjects and principals, and the lookups that bound how many
-- subjects one principal certificate or phone may serve.
ALTER TABLE application
    ADD COLUMN subject_certificate_valid_until   DATE NULL AFTER subject_certificate_number,
    ADD COLUMN principal_certificate_valid_until DATE NULL AFTER principal_certificate_number,
    ADD KEY ix_application_principal_certificate (principal_certificate_number),
    ADD KEY ix_application_principal_phone (principal_phone);

ALTER TABLE application_service
    ADD COLUMN principal_certificate_valid_until DATE NULL AFTER principal_certificate_number;
