-- An application is one row: what it asks for (its services, their pre-approvals, the materials it references) and
-- its history are kept as text in it (ApplicationText, RowLines: a tagged line per row, values separated by tabs,
-- backslash escapes, backslash-N for NULL). Loading an application from its five tables cost the server five times a
-- row's read. The transitions stay appended to application_transition as well: that chain is the record
-- history/verify checks; the row's copy is what an application is read from. The lines are written here as the code
-- writes them. No backslash is written in a literal: under the sql_mode NO_BACKSLASH_ESCAPES it would mean itself.
ALTER TABLE application
    ADD COLUMN content MEDIUMTEXT NULL AFTER open_subject_key,
    ADD COLUMN history MEDIUMTEXT NULL AFTER content;

SET SESSION group_concat_max_len = 1073741824;
-- in the tables' collation, so that REPLACE and CONCAT_WS do not mix two
SET @bs := CHAR(92 USING utf8mb4) COLLATE utf8mb4_unicode_ci, @tab := CHAR(9 USING utf8mb4) COLLATE utf8mb4_unicode_ci,
    @lf := CHAR(10 USING utf8mb4) COLLATE utf8mb4_unicode_ci, @cr := CHAR(13 USING utf8mb4) COLLATE utf8mb4_unicode_ci;
SET @null := CONCAT(@bs, 'N');

UPDATE application a SET
    content = CONCAT(
        IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS(@tab, 's',
                    IFNULL(CAST(x.position AS CHAR), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.kind, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.name, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.domains, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.home_url, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.platform, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.app_key, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.signing_fingerprint, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_name, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(CAST(x.principal_certificate_type AS CHAR), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_certificate_number, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(DATE_FORMAT(x.principal_certificate_valid_until, '%Y-%m-%d'), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_phone, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.principal_email, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(CAST(x.access_method AS CHAR), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.access_ips, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.server_location, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.content_categories, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.languages, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null)), @lf) ORDER BY x.position SEPARATOR '')
             FROM application_service x WHERE x.application_id = a.id), ''),
        IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS(@tab, 'p',
                    IFNULL(CAST(x.service_position AS CHAR), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.type, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.authority, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.approval_number, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.document_material_id, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null)), @lf) ORDER BY x.id SEPARATOR '')
             FROM application_pre_approval x WHERE x.application_id = a.id), ''),
        IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS(@tab, 'm',
                    IFNULL(CAST(x.service_position AS CHAR), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.kind, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.material_id, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null)), @lf) ORDER BY x.id SEPARATOR '')
             FROM application_material x WHERE x.application_id = a.id), '')),
    history = IFNULL((SELECT GROUP_CONCAT(CONCAT(CONCAT_WS(@tab, 't',
                    IFNULL(CAST(x.seq AS CHAR), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.from_state, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.to_state, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.actor_kind, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.actor_id, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    DATE_FORMAT(x.at, '%Y-%m-%d %H:%i:%s.%f'),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.reasons, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.comment, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.prev_hash, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null),
                    IFNULL(REPLACE(REPLACE(REPLACE(REPLACE(x.hash, @bs, CONCAT(@bs, @bs)), @tab, CONCAT(@bs, 't')), @lf, CONCAT(@bs, 'n')), @cr, CONCAT(@bs, 'r')), @null)), @lf) ORDER BY x.seq SEPARATOR '')
             FROM application_transition x WHERE x.application_id = a.id), '');

ALTER TABLE application
    MODIFY COLUMN content MEDIUMTEXT NOT NULL,
    MODIFY COLUMN history MEDIUMTEXT NOT NULL;
