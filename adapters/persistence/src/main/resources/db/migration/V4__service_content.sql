-- What a service offers: content category codes and language codes (comma-separated, from the code tables),
-- and the pre-approvals it holds. The register keeps the pre-approval types, which the public query shows.
ALTER TABLE application_service
    ADD COLUMN content_categories VARCHAR(200) NULL,
    ADD COLUMN languages          VARCHAR(200) NULL;

CREATE TABLE application_pre_approval (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id       CHAR(36)     NOT NULL,
    service_position     INT          NOT NULL,
    type                 VARCHAR(40)  NOT NULL,
    authority            VARCHAR(200) NOT NULL,
    approval_number      VARCHAR(200) NOT NULL,
    document_material_id CHAR(36)     NOT NULL,
    KEY ix_application_pre_approval_application (application_id),
    CONSTRAINT fk_application_pre_approval_application FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE filed_service
    ADD COLUMN pre_approval_types VARCHAR(500) NULL;
