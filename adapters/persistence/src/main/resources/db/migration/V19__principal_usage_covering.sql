-- The principal-usage rule counts the distinct open or approved subjects of a principal certificate or phone. With
-- the state and subject in the index the count is read from the index alone: no row of the application table is
-- fetched for each of the principal's applications (returned and withdrawn ones included).
ALTER TABLE application
    DROP INDEX ix_application_principal_certificate,
    DROP INDEX ix_application_principal_phone,
    ADD KEY ix_application_principal_certificate (principal_certificate_number, state, subject_key),
    ADD KEY ix_application_principal_phone (principal_phone, state, subject_key);
