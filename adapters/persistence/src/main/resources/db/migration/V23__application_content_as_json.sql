-- An application's content becomes one JSON document (StoredContent, written and read by micronaut-serde), and its
-- history is read from application_transition alone, the chain history/verify checks: the text format of V20 (a
-- tagged line per part, tab-separated values, backslash escapes, backslash-N for NULL) and the history's copy in the
-- row go. Each line of the text is first read as a JSON array: its escapes (\\, \t, \n, \r) are JSON's own, so only a
-- double quote needs escaping, and backslash-N becomes null; then each part is written as an object with named
-- fields. Written to be applied again harmlessly: a row whose content is JSON already is left as it is. No backslash
-- is written in a literal: under the sql_mode NO_BACKSLASH_ESCAPES it would mean itself.
SET @bs := CHAR(92 USING utf8mb4) COLLATE utf8mb4_unicode_ci, @tab := CHAR(9 USING utf8mb4) COLLATE utf8mb4_unicode_ci,
    @lf := CHAR(10 USING utf8mb4) COLLATE utf8mb4_unicode_ci, @q := CHAR(34 USING utf8mb4) COLLATE utf8mb4_unicode_ci;

ALTER TABLE application ADD COLUMN IF NOT EXISTS content_lines LONGTEXT NULL;

UPDATE application SET content_lines = REPLACE(CONCAT('[[', @q,
        REPLACE(REPLACE(REPLACE(TRIM(TRAILING @lf FROM content), @q, CONCAT(@bs, @q)), @tab, CONCAT(@q, ',', @q)),
            @lf, CONCAT(@q, '],[', @q)),
        @q, ']]'), CONCAT(@q, @bs, 'N', @q), 'null')
WHERE content NOT LIKE '{%';

UPDATE application a SET a.content = CONCAT('{"services":', IFNULL((
    SELECT JSON_ARRAYAGG(JSON_OBJECT(
        'kind', s.kind, 'name', s.name,
        'domains', IF(s.domains IS NULL, NULL,
            JSON_EXTRACT(CONCAT('["', REPLACE(s.domains, ',', '","'), '"]'), '$')),
        'homeUrl', s.home_url, 'platform', s.platform, 'appKey', s.app_key,
        'signingFingerprint', s.signing_fingerprint,
        'principal', JSON_OBJECT('name', s.principal_name, 'certificateType', s.principal_certificate_type,
            'certificateNumber', s.principal_certificate_number,
            'certificateValidUntil', s.principal_certificate_valid_until, 'phone', s.principal_phone,
            'email', s.principal_email),
        'access', JSON_OBJECT('method', s.access_method,
            'ipAddresses', IF(IFNULL(s.access_ips, '') = '', JSON_ARRAY(),
                JSON_EXTRACT(CONCAT('["', REPLACE(s.access_ips, ',', '","'), '"]'), '$')),
            'serverLocation', s.server_location),
        'contentCategories', IF(IFNULL(s.content_categories, '') = '', JSON_ARRAY(),
            JSON_EXTRACT(CONCAT('[', s.content_categories, ']'), '$')),
        'languages', IF(IFNULL(s.languages, '') = '', JSON_ARRAY(),
            JSON_EXTRACT(CONCAT('["', REPLACE(s.languages, ',', '","'), '"]'), '$')),
        'preApprovals', IFNULL((
            SELECT JSON_ARRAYAGG(JSON_OBJECT('type', p.type, 'authority', p.authority,
                'approvalNumber', p.approval_number, 'documentMaterialId', p.document_material_id) ORDER BY p.line)
            FROM JSON_TABLE(a.content_lines, '$[*]' COLUMNS (
                line FOR ORDINALITY, tag VARCHAR(1) PATH '$[0]', service_position INT PATH '$[1]',
                type VARCHAR(64) PATH '$[2]', authority TEXT PATH '$[3]', approval_number TEXT PATH '$[4]',
                document_material_id VARCHAR(64) PATH '$[5]')) p
            WHERE p.tag = 'p' AND p.service_position = s.position), JSON_ARRAY())
    ) ORDER BY s.position)
    FROM JSON_TABLE(a.content_lines, '$[*]' COLUMNS (
        tag VARCHAR(1) PATH '$[0]', position INT PATH '$[1]', kind VARCHAR(32) PATH '$[2]', name TEXT PATH '$[3]',
        domains TEXT PATH '$[4]', home_url TEXT PATH '$[5]', platform TEXT PATH '$[6]', app_key TEXT PATH '$[7]',
        signing_fingerprint TEXT PATH '$[8]', principal_name TEXT PATH '$[9]',
        principal_certificate_type INT PATH '$[10]', principal_certificate_number TEXT PATH '$[11]',
        principal_certificate_valid_until VARCHAR(10) PATH '$[12]', principal_phone TEXT PATH '$[13]',
        principal_email TEXT PATH '$[14]', access_method INT PATH '$[15]', access_ips TEXT PATH '$[16]',
        server_location VARCHAR(8) PATH '$[17]', content_categories TEXT PATH '$[18]',
        languages TEXT PATH '$[19]')) s
    WHERE s.tag = 's'), '[]'),
    ',"materials":', IFNULL((
    SELECT JSON_ARRAYAGG(JSON_OBJECT('servicePosition', m.service_position, 'kind', m.kind,
        'materialId', m.material_id) ORDER BY m.line)
    FROM JSON_TABLE(a.content_lines, '$[*]' COLUMNS (
        line FOR ORDINALITY, tag VARCHAR(1) PATH '$[0]', service_position INT PATH '$[1]',
        kind VARCHAR(32) PATH '$[2]', material_id VARCHAR(64) PATH '$[3]')) m
    WHERE m.tag = 'm'), '[]'), '}')
WHERE a.content NOT LIKE '{%';

ALTER TABLE application DROP COLUMN IF EXISTS content_lines, DROP COLUMN IF EXISTS history,
    MODIFY COLUMN content LONGTEXT NOT NULL CHECK (JSON_VALID(content));
