-- The national-scale benchmark directory, for bench/run.sh.
--
-- Run by the sqlite3 shell against a database that `kiem init` has just
-- created (schema only, no demo), with the number of parties bound first:
--   .param set @parties 200000
--   .read bench/gen.sql
-- It fills areas (country, 12 provinces, 342 municipalities, ~2,700
-- districts, ~12,000 neighbourhoods), parties, party_areas (1-3 each),
-- party_roles (1-3 each, from the roles `kiem init` seeded), party_tags
-- (1-4 each) and the full-text table party_search; an initiative for each
-- party (issue 11), with its target group, stage decisions and full-text
-- index, and an event for every tenth; as src/store/schema.c defines them
-- and as the models would have written them:
--   - parties.id: lowercase UUIDv7 strings that sort by creation (a
--     millisecond timestamp in the first 48 bits, version 7, variant 10);
--   - sort_name = lower(name) (ASCII only, like sort_key() in party.c);
--   - parties.tags = the tags, each followed by a space; party_search
--     reads them, the name and the description from the row (external
--     content) and is built with its 'rebuild' command.
-- Everything is derived from the row number by multiplicative hashing, so
-- every run produces the same database.

PRAGMA journal_mode = OFF;   -- bulk load into a fresh file: nothing to roll back
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144; -- 256 MB for building the indexes
-- (no PRAGMA temp_store here: changing it drops the temp schema, and with
-- it the @parties parameter)
PRAGMA foreign_keys = OFF;   -- the generator keeps them by construction

BEGIN;

-- ---------------------------------------------------------------- areas

CREATE TEMP TABLE words (list TEXT PRIMARY KEY, items TEXT NOT NULL);
INSERT INTO words VALUES
 ('pre', '["Aal","Bever","Dron","Ede","Gouw","Heer","Hooge","Kat","Leer","Maas","Nieuw","Oost","Pijn","Ren","Stad","Ter","Veen","Wester","Zand","Zoet"]'),
 ('suf', '["dam","dorp","veen","wijk","horst","hoven","stede","burg","kerk","broek","meer","sluis","zijl","gein","loo","mond","lanen"]'),
 ('dir', '["Centrum","Noord","Oost","Zuid","West","Noordoost","Noordwest","Zuidoost","Zuidwest","Binnenstad","Buitenwijk","Haven"]'),
 ('pv',  '["Groningen","Fryslân","Drenthe","Overijssel","Flevoland","Gelderland","Utrecht","Noord-Holland","Zuid-Holland","Zeeland","Noord-Brabant","Limburg"]');

CREATE TEMP TABLE w (list TEXT NOT NULL, i INTEGER NOT NULL, word TEXT NOT NULL, PRIMARY KEY (list, i));
INSERT INTO w SELECT words.list, j.key, j.value FROM words, json_each(words.items) j;
CREATE TEMP TABLE wn AS SELECT list, count(*) AS c FROM w GROUP BY list;

INSERT INTO areas (code, name, level, parent_code, path, created_at)
VALUES ('NL01', 'Nederland', 'country', NULL, 'NL01/', '2024-01-01T00:00:00Z');

INSERT INTO areas (code, name, level, parent_code, path, created_at)
SELECT 'PV' || (20 + i), word || ' (provincie)', 'province', 'NL01',
       'NL01/PV' || (20 + i) || '/', '2024-01-01T00:00:00Z'
FROM w WHERE list = 'pv';

-- 342 municipalities, spread over the provinces
CREATE TEMP TABLE gm AS
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 342)
SELECT i,
       printf('GM%04d', i) AS code,
       'PV' || (20 + (i * 7) % 12) AS pv,
       (SELECT word FROM w WHERE list = 'pre' AND w.i = m.i % 20) ||
       (SELECT word FROM w WHERE list = 'suf' AND w.i = (m.i / 20) % 17) AS name,
       4 + (i * 7) % 9 AS districts
FROM m;

INSERT INTO areas (code, name, level, parent_code, path, created_at)
SELECT code, name, 'municipality', pv, 'NL01/' || pv || '/' || code || '/', '2024-01-01T00:00:00Z'
FROM gm;

-- 4 to 12 districts per municipality
CREATE TEMP TABLE wk AS
WITH RECURSIVE d(gi, j) AS (
  SELECT i, 1 FROM gm
  UNION ALL
  SELECT gi, j + 1 FROM d JOIN gm ON gm.i = d.gi WHERE j < gm.districts)
SELECT gm.code AS gm, gm.pv AS pv, 'WK' || substr(gm.code, 3) || printf('%02d', j) AS code,
       gm.name || ' ' || (SELECT word FROM w WHERE list = 'dir' AND w.i = (j - 1) % 12) AS name,
       3 + (gi * 3 + j * 5) % 4 AS hoods
FROM d JOIN gm ON gm.i = d.gi;

INSERT INTO areas (code, name, level, parent_code, path, created_at)
SELECT code, name, 'district', gm, 'NL01/' || pv || '/' || gm || '/' || code || '/', '2024-01-01T00:00:00Z'
FROM wk;

-- 3 to 6 neighbourhoods per district
WITH RECURSIVE b(code, k) AS (
  SELECT code, 1 FROM wk
  UNION ALL
  SELECT b.code, k + 1 FROM b JOIN wk ON wk.code = b.code WHERE k < wk.hoods)
INSERT INTO areas (code, name, level, parent_code, path, created_at)
SELECT 'BU' || substr(wk.code, 3) || printf('%02d', k), wk.name || ', buurt ' || k, 'neighbourhood',
       wk.code, 'NL01/' || wk.pv || '/' || wk.gm || '/' || wk.code || '/BU' || substr(wk.code, 3) || printf('%02d', k) || '/',
       '2024-01-01T00:00:00Z'
FROM b JOIN wk ON wk.code = b.code;

-- The areas by level with a dense index, to pick from; with the name of
-- the municipality they lie in (the provinces and the country use their own).
CREATE TEMP TABLE ta (lvl INTEGER NOT NULL, i INTEGER NOT NULL, code TEXT NOT NULL, place TEXT NOT NULL,
                      PRIMARY KEY (lvl, i));
INSERT INTO ta
SELECT lvl, row_number() OVER (PARTITION BY lvl ORDER BY path) - 1, code,
       coalesce((SELECT m.name FROM areas m WHERE m.code = substr(a.path, 11, 6)), replace(a.name, ' (provincie)', ''))
FROM (SELECT *, CASE level WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'municipality' THEN 2
                           WHEN 'district' THEN 3 ELSE 4 END AS lvl FROM areas) a;
CREATE TEMP TABLE tn AS SELECT lvl, count(*) AS c FROM ta GROUP BY lvl;

-- ---------------------------------------------------------------- parties

CREATE TEMP TABLE kinds (k INTEGER PRIMARY KEY, kind TEXT NOT NULL, prefixes TEXT NOT NULL);
INSERT INTO kinds VALUES
 (0, 'citizen_initiative', '["Bewonersinitiatief","Buurtcoöperatie","Stichting","Repair Café","Voedselbank","Taalmaatjes","Buurttuin","Ouderinitiatief","Wijkkeuken","Huurdersvereniging"]'),
 (1, 'social_work', '["Buurtteam","Welzijnswerk","Jongerenwerk","Schuldhulpmaatje","Maatschappelijk werk","Mantelzorgsteunpunt","Ervaringsdeskundigen","Opbouwwerk"]'),
 (2, 'government', '["Team Sociaal Domein","Wijkbureau","GGD","Afdeling Werk en Inkomen","Programma Sociale Agenda","Team Jeugd"]'),
 (3, 'business', '["Bouwbedrijf","Woningcorporatie","Supermarkt","Adviesbureau","Impactfonds","IT-bedrijf","Sportbedrijf","Bakkerij","Zorgverzekeraar"]'),
 (4, 'knowledge_institute', '["Lectoraat","Leerstoel","Kenniswerkplaats","Kennisplatform","Studentenpraktijk","Onderzoeksbureau"]');
CREATE TEMP TABLE kp (k INTEGER NOT NULL, i INTEGER NOT NULL, word TEXT NOT NULL, PRIMARY KEY (k, i));
INSERT INTO kp SELECT k, j.key, j.value FROM kinds, json_each(kinds.prefixes) j;
CREATE TEMP TABLE kpn AS SELECT k, count(*) AS c FROM kp GROUP BY k;

-- 40 tags; the names use some of them as their theme
CREATE TEMP TABLE tg (i INTEGER PRIMARY KEY, tag TEXT NOT NULL, theme TEXT NOT NULL);
INSERT INTO tg SELECT j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each('[
 ["armoede","Armoede"],["schulden","Geldzorgen"],["eenzaamheid","Samen"],["ouderen","Ouderen"],
 ["jeugd","Jeugd"],["jongeren","Jongeren"],["opvoeding","Opvoeden"],["mantelzorg","Mantelzorg"],
 ["vrijwilligers","Vrijwillig"],["ontmoeting","Ontmoeting"],["wonen","Wonen"],["huur","Huur"],
 ["werk","Werk"],["participatie","Meedoen"],["taal","Taal"],["inburgering","Nieuwkomers"],
 ["gezondheid","Gezond"],["preventie","Preventie"],["sport","Sport"],["bewegen","Bewegen"],
 ["groen","Groen"],["buurttuin","Tuin"],["duurzaamheid","Duurzaam"],["energie","Energie"],
 ["voedsel","Voedsel"],["digitale-vaardigheden","Digitaal"],["ggz","Psyche"],["zorg","Zorg"],
 ["leefbaarheid","Leefbaar"],["veiligheid","Veilig"],["onderzoek","Onderzoek"],["evaluatie","Evaluatie"],
 ["ervaringskennis","Ervaring"],["financiering","Financiering"],["inkoop","Inkoop"],["beleid","Beleid"],
 ["cultuur","Cultuur"],["onderwijs","Onderwijs"],["mobiliteit","Vervoer"],["wijkaanpak","Wijk"]]') j;

-- One row per party with every choice made; h is a multiplicative hash of n.
CREATE TEMP TABLE p AS
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < @parties),
h AS (SELECT n, (n * 2654435761) % 4294967296 AS h, (n * 40503 + 12345) % 1000003 AS g FROM seq),
k AS (SELECT n, h, g,
             CASE WHEN h % 20 < 7 THEN 0 WHEN h % 20 < 12 THEN 1 WHEN h % 20 < 14 THEN 2
                  WHEN h % 20 < 18 THEN 3 ELSE 4 END AS k,
             (h / 20) % 100 AS r
      FROM h),
l AS (SELECT *, CASE k WHEN 2 THEN (CASE WHEN r < 3 THEN 1 WHEN r < 50 THEN 2 ELSE 3 END)
                       WHEN 4 THEN (CASE WHEN r < 2 THEN 0 WHEN r < 20 THEN 1 ELSE 2 END)
                       ELSE (CASE WHEN r < 15 THEN 2 WHEN r < 60 THEN 3 ELSE 4 END) END AS lvl
      FROM k)
SELECT l.n, l.h, l.g, l.k, l.lvl,
       (l.g * 7 + l.h / 2000) % tn.c AS ai,
       min(1 + (l.g / 7) % 3, tn.c) AS nareas,
       1 + (l.h / 300000) % 4 AS ntags,
       (l.g / 3) % 40 AS t0,
       1704067200 + l.n * 300 AS created
FROM l JOIN tn ON tn.lvl = l.lvl;

INSERT INTO parties (rowid, id, name, sort_name, kind, description, email, phone, website,
                     capacity_hours, visibility, created_by, created_at, updated_at)
SELECT n, id, name, lower(name), kind, description, email, phone, website, capacity_hours,
       'public', NULL, created_at, updated_at
FROM (
  SELECT p.n,
         printf('%08x-%04x-7%03x-%04x-%012x',
                (created * 1000 + p.g % 1000) / 65536, (created * 1000 + p.g % 1000) % 65536,
                p.h % 4096, 32768 + (p.h / 4096) % 16384, p.n) AS id,
         kp.word || ' ' || tg.theme || ' ' || ta.place AS name,
         kinds.kind,
         kp.word || ' ' || tg.theme || ' werkt in ' || ta.place || ' aan ' || tg.tag || ' en ' ||
           (SELECT tag FROM tg t2 WHERE t2.i = (p.t0 + 7) % 40) || '. ' ||
           CASE p.h % 4
             WHEN 0 THEN 'Wij brengen bewoners, professionals en organisaties in de wijk bij elkaar en zoeken samen naar wat werkt.'
             WHEN 1 THEN 'Met vrijwilligers en ervaringsdeskundigen bieden wij praktische hulp, dichtbij en zonder wachtlijst.'
             WHEN 2 THEN 'Wij signaleren knelpunten, delen kennis en zetten vraagstukken op de agenda van gemeente en partners.'
             ELSE 'Wij investeren tijd, geld en kennis in sociale innovaties met meetbare resultaten voor de buurt.'
           END || CASE WHEN p.g % 3 = 0 THEN ' Sinds ' || (1990 + p.g % 34) || ' actief.' ELSE '' END AS description,
         CASE WHEN p.g % 10 < 7 THEN 'contact' || p.n || '@partij.example' END AS email,
         CASE WHEN p.g % 10 < 2 THEN '+31 ' || (10 + p.g % 80) || ' ' || printf('%07d', p.h % 10000000) END AS phone,
         CASE WHEN p.h % 10 < 4 THEN 'https://partij' || p.n || '.example' END AS website,
         CASE WHEN p.h % 10 < 8 THEN (p.g / 11) % 200 END AS capacity_hours,
         strftime('%Y-%m-%dT%H:%M:%SZ', created, 'unixepoch') AS created_at,
         strftime('%Y-%m-%dT%H:%M:%SZ', created + (p.h % 5) * (p.g % 2592000), 'unixepoch') AS updated_at
  FROM p
  JOIN kinds ON kinds.k = p.k
  JOIN kpn ON kpn.k = p.k
  JOIN kp ON kp.k = p.k AND kp.i = (p.h / 7) % kpn.c
  JOIN tg ON tg.i = p.t0
  JOIN ta ON ta.lvl = p.lvl AND ta.i = p.ai
  ORDER BY p.n);

-- 1-3 areas: the chosen one and its next neighbours at the same level
INSERT INTO party_areas (party_id, area_code)
SELECT parties.id, ta.code
FROM p
JOIN parties ON parties.rowid = p.n
JOIN tn ON tn.lvl = p.lvl
JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2) x ON x.j < p.nareas
JOIN ta ON ta.lvl = p.lvl AND ta.i = (p.ai + x.j) % tn.c
ORDER BY p.n;

-- 1-3 roles among those typical of the kind (role.c's typical_kinds)
CREATE TEMP TABLE kr AS
SELECT kinds.k, row_number() OVER (PARTITION BY kinds.k ORDER BY roles.position) - 1 AS j, roles.key
FROM kinds JOIN roles ON (' ' || roles.typical_kinds || ' ') LIKE '% ' || kinds.kind || ' %';
CREATE TEMP TABLE krn AS SELECT k, count(*) AS c FROM kr GROUP BY k;

INSERT INTO party_roles (party_id, role_key)
SELECT parties.id, kr.key
FROM p
JOIN parties ON parties.rowid = p.n
JOIN krn ON krn.k = p.k
JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2) x ON x.j < min(3, krn.c, 1 + (p.h / 13) % 3)
JOIN kr ON kr.k = p.k AND kr.j = (p.g / 5 + x.j) % krn.c
ORDER BY p.n;

-- 1-4 tags: the theme's tag and tags 7, 14, 21 places on (distinct: 7 and 40 are coprime)
INSERT INTO party_tags (party_id, tag)
SELECT parties.id, tg.tag
FROM p
JOIN parties ON parties.rowid = p.n
JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) x ON x.j < p.ntags
JOIN tg ON tg.i = (p.t0 + 7 * x.j) % 40
ORDER BY p.n;

-- each party's lists on its row, as kiem keeps them (migration 7 of src/store/schema.c)
UPDATE parties AS p SET lists =
  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT pa.area_code AS v FROM party_areas pa
    JOIN areas a ON a.code = pa.area_code WHERE pa.party_id = p.id ORDER BY a.path)), '') || char(30) ||
  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT pr.role_key AS v FROM party_roles pr
    JOIN roles r ON r.key = pr.role_key WHERE pr.party_id = p.id ORDER BY r.position)), '') || char(30) ||
  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT tag AS v FROM party_tags
    WHERE party_id = p.id ORDER BY tag)), '') || char(30) ||
  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT a.name AS v FROM party_areas pa
    JOIN areas a ON a.code = pa.area_code WHERE pa.party_id = p.id ORDER BY a.path)), '');

-- the tags as the full-text index reads them from the row (external
-- content, schema step 10): each followed by a space; then the index,
-- built from the rows
UPDATE parties SET tags = coalesce((SELECT group_concat(tag || ' ', '') FROM
                   (SELECT tag FROM party_tags t WHERE t.party_id = parties.id ORDER BY tag)), '');
INSERT INTO party_search (party_search) VALUES ('rebuild');

-- ---------------------------------------------------------- initiatives
-- (issue 11) One initiative a party, led by it, in its first area; the
-- stages spread as a pipeline narrows (30% idea ... 8% sustained, 5%
-- stopped), each with the decisions that brought it there.
CREATE TEMP TABLE stages (s INTEGER PRIMARY KEY, stage TEXT NOT NULL);
INSERT INTO stages VALUES (0, 'idea'), (1, 'development'), (2, 'test'), (3, 'implementation'),
                          (4, 'sustained'), (5, 'stopped');
CREATE TEMP TABLE ip AS
SELECT p.n, p.h, p.g, p.t0, p.created + 86400 * (1 + p.h % 90) AS created,
       CASE WHEN (p.h / 7) % 100 < 30 THEN 0 WHEN (p.h / 7) % 100 < 55 THEN 1 WHEN (p.h / 7) % 100 < 73 THEN 2
            WHEN (p.h / 7) % 100 < 87 THEN 3 WHEN (p.h / 7) % 100 < 95 THEN 4 ELSE 5 END AS s,
       ta.code AS area, ta.place
FROM p JOIN ta ON ta.lvl = p.lvl AND ta.i = p.ai;

INSERT INTO initiatives (seq, id, title, summary, description, type, lead_party_id, area_code,
                         participation_level, budget_cents, stage, stage_changed_at, created_by,
                         created_at, updated_at, lead_kind)
SELECT ip.n,
       printf('%08x-%04x-7%03x-%04x-%012x', (ip.created * 1000 + ip.g % 1000) / 65536,
              (ip.created * 1000 + ip.g % 1000) % 65536, (ip.h / 3) % 4096, 32768 + (ip.h / 5) % 16384, ip.n),
       tg.theme || ' in ' || ip.place || ' ' || ip.n,
       'Samen met bewoners werken aan ' || tg.tag || ' in ' || ip.place || '.',
       'Een ' || CASE ip.h % 4 WHEN 0 THEN 'nieuw product' WHEN 1 THEN 'nieuwe dienst'
                               WHEN 2 THEN 'nieuwe werkwijze' ELSE 'nieuwe samenwerking' END ||
         ' rond ' || tg.tag || '. Wij proberen het eerst klein, leren van wat werkt en schalen op.',
       CASE ip.h % 4 WHEN 0 THEN 'product' WHEN 1 THEN 'service' WHEN 2 THEN 'process' ELSE 'collaboration' END,
       parties.id, ip.area,
       CASE (ip.g / 3) % 5 WHEN 0 THEN 'informed' WHEN 1 THEN 'consulted' WHEN 2 THEN 'advising'
                          WHEN 3 THEN 'co_producing' ELSE 'co_deciding' END,
       CASE WHEN ip.g % 3 > 0 THEN 100000 * (1 + ip.g % 500) END,
       stages.stage,
       strftime('%Y-%m-%dT%H:%M:%SZ', ip.created + 2592000 * ip.s, 'unixepoch'),
       NULL,
       strftime('%Y-%m-%dT%H:%M:%SZ', ip.created, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%SZ', ip.created + 2592000 * ip.s, 'unixepoch'),
       parties.kind
FROM ip
JOIN parties ON parties.rowid = ip.n
JOIN stages ON stages.s = ip.s
JOIN tg ON tg.i = ip.t0
ORDER BY ip.n;

INSERT INTO initiative_target_groups (initiative_id, target_group)
SELECT i.id, CASE ip.h % 5 WHEN 0 THEN 'ouderen' WHEN 1 THEN 'jongeren' WHEN 2 THEN 'gezinnen'
                           WHEN 3 THEN 'nieuwkomers' ELSE 'mantelzorgers' END
FROM ip JOIN initiatives i ON i.seq = ip.n;

-- the decisions: one a step up to the stage; a stopped one stopped at
-- development
INSERT INTO stage_decisions (id, initiative_id, from_stage, to_stage, rationale, evidence, lessons,
                             party_id, decided_by, decided_at)
SELECT printf('%08x-%04x-7%03x-%04x-%012x', ((ip.created + 2592000 * (x.j + 1)) * 1000) / 65536,
              ((ip.created + 2592000 * (x.j + 1)) * 1000) % 65536, x.j, 32768 + ip.n % 16384, ip.n),
       i.id, f.stage, t.stage,
       'De vorige fase liet zien dat het werkt voor de doelgroep.', 'Evaluatie met deelnemers.',
       CASE WHEN ip.s = 5 THEN 'Te weinig draagvlak bij de doelgroep; wat we leerden delen we.' ELSE '' END,
       i.lead_party_id, NULL,
       strftime('%Y-%m-%dT%H:%M:%SZ', ip.created + 2592000 * (x.j + 1), 'unixepoch')
FROM ip
JOIN initiatives i ON i.seq = ip.n
JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) x
  ON x.j < CASE WHEN ip.s = 5 THEN 1 ELSE ip.s END
JOIN stages f ON f.s = x.j
JOIN stages t ON t.s = CASE WHEN ip.s = 5 THEN 5 ELSE x.j + 1 END
ORDER BY ip.n, x.j;

INSERT INTO initiative_search (initiative_search) VALUES ('rebuild');

-- --------------------------------------------------------------- events
-- One event for every tenth initiative, organised by its lead party, over
-- 2026 and 2027, 90 minutes each, most with a capacity.
INSERT INTO events (seq, id, title, description, place, area_code, starts_at, ends_at, capacity,
                    organizer_party_id, status, sequence, created_by, created_at, updated_at)
SELECT ip.n / 10, printf('%08x-%04x-7%03x-%04x-%012x', (ip.created * 1000 + 7) / 65536, (ip.created * 1000 + 7) % 65536,
              (ip.h / 11) % 4096, 32768 + (ip.h / 13) % 16384, ip.n),
       'Bijeenkomst: ' || i.title, 'Denk mee over ' || i.title || '. Iedereen is welkom.',
       'Wijkcentrum ' || ip.place, ip.area,
       strftime('%Y-%m-%dT%H:%M:%SZ', 1767254400 + (ip.n * 7919) % 63072000 / 3600 * 3600, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%SZ', 1767254400 + (ip.n * 7919) % 63072000 / 3600 * 3600 + 5400, 'unixepoch'),
       CASE WHEN ip.g % 4 > 0 THEN 10 + ip.g % 90 END,
       i.lead_party_id, 'scheduled', 0, NULL,
       strftime('%Y-%m-%dT%H:%M:%SZ', ip.created, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%SZ', ip.created, 'unixepoch')
FROM ip JOIN initiatives i ON i.seq = ip.n
WHERE ip.n % 10 = 0
ORDER BY ip.n;

INSERT INTO event_initiatives (event_id, initiative_id)
SELECT e.id, i.id FROM events e JOIN initiatives i ON i.seq = e.seq * 10;

INSERT INTO event_search (event_search) VALUES ('rebuild');

COMMIT;

PRAGMA journal_mode = WAL;
