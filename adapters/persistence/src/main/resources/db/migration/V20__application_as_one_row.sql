-- An application is one row: what it asks for (its services, their pre-approvals, the materials it references) and
-- its history are kept as text in it (ApplicationText, RowLines: a tagged line per row, values separated by tabs,
-- backslash escapes, \N for NULL). Loading an application from its five tables cost the server five times a row's
-- read. The transitions stay appended to application_transition as well: that chain is the record history/verify
-- checks; the row's copy is what an application is read from. The lines are written here as the code writes them.
ALTER TABLE application
    ADD COLUMN content MEDIUMTEXT NULL AFTER open_subject_key,
    ADD COLUMN history MEDIUMTEXT NULL AFTER content;

SET SESSION group_concat_max_len = 1073741824;

UPDATE application a SET
    content = CONCAT(
        IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS('\t', 's',
                    IFNULL(CAST(x.position AS CHAR), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.kind, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.name, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.domains, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.home_url, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.platform, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.app_key, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.signing_fingerprint, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_name, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(CAST(x.principal_certificate_type AS CHAR), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_certificate_number, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(DATE_FORMAT(x.principal_certificate_valid_until, '%Y-%m-%d'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_phone, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_email, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(CAST(x.access_method AS CHAR), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.access_ips, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.server_location, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.content_categories, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.languages, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N')), '\n') ORDER BY x.position SEPARATOR '')
             FROM application_service x WHERE x.application_id = a.id), ''),
        IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS('\t', 'p',
                    IFNULL(CAST(x.service_position AS CHAR), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.type, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.authority, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.approval_number, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.document_material_id, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N')), '\n') ORDER BY x.id SEPARATOR '')
             FROM application_pre_approval x WHERE x.application_id = a.id), ''),
        IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS('\t', 'm',
                    IFNULL(CAST(x.service_position AS CHAR), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.kind, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.material_id, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N')), '\n') ORDER BY x.id SEPARATOR '')
             FROM application_material x WHERE x.application_id = a.id), '')),
    history = IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS('\t', 't',
                    IFNULL(CAST(x.seq AS CHAR), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.from_state, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.to_state, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.actor_kind, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.actor_id, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    DATE_FORMAT(x.at, '%Y-%m-%d %H:%i:%s.%f'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.reasons, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.comment, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.prev_hash, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.hash, '\\', '\\\\'), '\t', '\\t'), '\n', '\\n'), '\r', '\\r'), '\\N')), '\n') ORDER BY x.seq SEPARATOR '')
             FROM application_transition x WHERE x.application_id = a.id), '');

ALTER TABLE application
    MODIFY COLUMN content MEDIUMTEXT NOT NULL,
    MODIFY COLUMN history MEDIUMTEXT NOT NULL;
