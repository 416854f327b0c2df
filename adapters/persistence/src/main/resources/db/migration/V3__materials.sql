-- Verification materials (真实性核验材料). The bytes live with their description so that a material and its
-- digest are written in one transaction and survive restarts together; nothing here is ever served publicly.
CREATE TABLE material (
    id          CHAR(36)    NOT NULL PRIMARY KEY,
    provider_id VARCHAR(64) NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    format      VARCHAR(8)  NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    uploaded_at DATETIME(6) NOT NULL,
    content     LONGBLOB    NOT NULL,
    KEY ix_material_provider (provider_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- which materials an application references; service_position NULL means the subject's
CREATE TABLE application_material (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id   CHAR(36)    NOT NULL,
    service_position INT         NULL,
    kind             VARCHAR(32) NOT NULL,
    material_id      CHAR(36)    NOT NULL,
    KEY ix_application_material_application (application_id),
    CONSTRAINT fk_application_material_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_application_material_material FOREIGN KEY (material_id) REFERENCES material (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
