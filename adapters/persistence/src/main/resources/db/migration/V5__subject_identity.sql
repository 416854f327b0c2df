-- A subject is identified by what it is, not by the document it shows: a unit by its organisation code (characters
-- 9-17 of its credit code, or its 组织机构代码), a person by their identity number (CertificateType.identityKey).
-- Before, the key included the certificate type, so one credit code filed as 统一社会信用代码证书 and again as
-- 营业执照 made two subjects. The key is now stored on every application, so that principal-usage counts and the
-- one-open-application index use the same identity.
ALTER TABLE application ADD COLUMN subject_key VARCHAR(64) NULL AFTER subject_certificate_valid_until;

UPDATE application SET subject_key = CASE
    WHEN subject_certificate_type IN (1, 2, 4, 5) AND CHAR_LENGTH(subject_certificate_number) = 18
        THEN CONCAT('UNIT:', SUBSTRING(subject_certificate_number, 9, 9))
    WHEN subject_certificate_type = 3 THEN CONCAT('UNIT:', REPLACE(subject_certificate_number, '-', ''))
    WHEN subject_certificate_type IN (101, 106, 107) THEN CONCAT('PERSON:', subject_certificate_number)
    ELSE CONCAT(subject_certificate_type, ':', subject_certificate_number)
END;

ALTER TABLE application MODIFY COLUMN subject_key VARCHAR(64) NOT NULL,
    ADD KEY ix_application_subject_key (subject_key);

UPDATE application SET open_subject_key = subject_key WHERE open_subject_key IS NOT NULL;

UPDATE filing f JOIN application a ON a.id = f.approved_application_id SET f.subject_key = a.subject_key;
