/**
 * The compliance benchmark of issue #4: the ENSIA cycle at national scale.
 *
 * On top of the foundation world (342 gemeenten with 20 users each, a CSIRT linked to all of them),
 * loads the shipped catalogs (BIO2, Cbw, AVG, ISO 27001 Annex A) and generates with set-based SQL, as
 * the database owner: verantwoordingsjaren up to 2026 (all signed except 2026, which is half filled),
 * one requirement assessment per assessable requirement per year, measures with requirement links,
 * evidence metadata (links and files, no content) linked to measures and assessments, and the
 * maintained compliance_progress aggregate from one GROUP BY. Then measures the real HTTP API.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { systemTx, type Database } from '../src/server/core/db/client.js';
import { ISO27001_ANNEX_ID, loadCatalogs } from '../src/server/modules/compliance/load-catalogs.js';
import { f2, ms, pad, signIn, timeRuns, measure, type Measurement, type Session } from './common.js';

export const FRAMEWORKS = ['weerbaar:bio2', 'weerbaar:cbw-nis2', 'weerbaar:avg', ISO27001_ANNEX_ID];
export const LAST_YEAR = 2026;
const MIN_YEARS = 5;
const MIN_ASSESSMENTS = 500_000;
const MEASURES_PER_GEMEENTE = 300; // 102,600
const EVIDENCE_PER_GEMEENTE = 600; // 205,200
const N = Number(process.env.BENCH_COMPLIANCE_N ?? 300);
const N_CREATE = Number(process.env.BENCH_CREATE_N ?? 60);
const WARMUP_CREATE = 5;

const TOPICS = [
  'informatiebeveiligingsbeleid',
  'toegangsbeheer',
  'wachtwoordbeleid',
  'multifactorauthenticatie',
  'logging en monitoring',
  'patchmanagement',
  'back-up en herstel',
  'netwerksegmentatie',
  'leveranciersmanagement',
  'bewustwordingstraining',
  'incidentbeheer',
  'continuïteitsplan',
  'versleuteling van opslag',
  'fysieke beveiliging',
  'verwerkingsregister',
  'DPIA-procedure',
  'kwetsbaarheidsscans',
  'wijzigingsbeheer',
];

export interface ComplianceWorld {
  years: number[];
  assessable: number;
  counts: Record<string, number>;
  steps: [string, number][];
  /** false when the load could skip the foreign-key triggers (superuser) */
  fkTriggers: boolean;
  ms: number;
  /** the measured gemeente and owner: most overdue BIO2 items that do not comply in 2026 (so the filtered page is not empty), and how many */
  filter: { slug: string; ownerId: string; expected: number };
  expected2026: { voldoet: number; total: number };
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `array[${xs.map(lit).join(',')}]::text[]`;

/** Generates the compliance data set; the foundation world must exist. */
export async function generateCompliance(database: Database): Promise<ComplianceWorld> {
  const t0 = performance.now();
  const steps: [string, number][] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const out = await fn();
    steps.push([name, ms(s)]);
    return out;
  };
  await step('catalogs', () => loadCatalogs(database));
  const [{ n: assessable }] = (
    await database.executeSql(`select count(*)::int as n from requirements where framework_id = any(${arr(FRAMEWORKS)}) and assessable and status = 'active'`)
  ).rows;
  const [{ n: gemeenten }] = (await database.executeSql(`select count(*)::int as n from organisations where kind = 'gemeente'`)).rows;
  if (!assessable || !gemeenten) throw new Error('compliance bench: no requirements or gemeenten');
  // The issue asks for ≥ 500,000 assessments over at least five years; the shipped catalogs decide how many years that takes.
  const nYears = Math.max(MIN_YEARS, Math.ceil(MIN_ASSESSMENTS / (assessable * gemeenten)));
  const first = LAST_YEAR - nYears + 1;
  const years = Array.from({ length: nYears }, (_, i) => first + i);
  const span = Math.max(1, LAST_YEAR - 1 - first);
  const linkStep = Math.max(1, Math.floor(assessable / 5)); // 4 distinct requirements per measure at most
  const topics = arr(TOPICS);
  let fkTriggers = true;

  await systemTx(database, async (tx) => {
    // Generated keys are valid by construction: skip the per-row foreign-key triggers while loading when
    // the connection may (a superuser; otherwise the load simply takes longer).
    const fastLoad = await tx
      .transaction(async (sp) => {
        await sp.execute(sql.raw('set local session_replication_role = replica'));
        return true;
      })
      .catch(() => false);
    fkTriggers = !fastLoad;
    // One statement per call (PGlite's extended protocol takes no multi-statement strings); none has a ';' inside.
    const run = (name: string, text: string) =>
      step(name, async () => {
        for (const statement of text.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await tx.execute(sql.raw(statement.replace(/;$/, '')));
      });
    await run(
      'helper tables',
      `
      create temp table b_gem on commit drop as
        select o.id, o.slug, o.name, row_number() over (order by o.slug)::int as n from organisations o where o.kind = 'gemeente';
      create temp table b_req on commit drop as
        select r.id, r.framework_id, r.ref, r.position, (row_number() over (order by r.framework_id, r.position) - 1)::int as idx
        from requirements r where r.framework_id = any(${arr(FRAMEWORKS)}) and r.assessable and r.status = 'active';
      -- who may own an assessment or a measure: the CISO first (index 0 owns the most), then admin, privacy, medewerkers
      create temp table b_owner on commit drop as
        select m.organisation_id, m.user_id, u.name,
               (row_number() over (partition by m.organisation_id order by ('ciso' = any(m.roles)) desc, u.email) - 1)::int as idx,
               count(*) over (partition by m.organisation_id)::int as cnt
        from memberships m join users u on u.id = m.user_id join b_gem g on g.id = m.organisation_id
        where m.roles && array['admin','ciso','privacy','medewerker']::text[];
      create temp table b_signer on commit drop as
        select distinct on (m.organisation_id) m.organisation_id, m.user_id, u.name
        from memberships m join users u on u.id = m.user_id join b_gem g on g.id = m.organisation_id
        where 'bestuurder' = any(m.roles) order by m.organisation_id, u.email;
      analyze b_gem;
      analyze b_req;
      analyze b_owner;
      analyze b_signer;`,
    );

    await run(
      'assessment_years',
      `
      insert into assessment_years (organisation_id, year, framework_ids, phase, created_at, signed_at, signed_by_user_id, signer_name, signer_function, statement)
      select g.id, y, ${arr(FRAMEWORKS)}, case when y < ${LAST_YEAR} then 'verantwoording' else 'zelfevaluatie' end,
             make_timestamptz(y, 1, 10, 9, 0, 0, 'Europe/Amsterdam'),
             case when y < ${LAST_YEAR} then make_timestamptz(y + 1, 3, 1 + g.n % 28, 14, 0, 0, 'Europe/Amsterdam') end,
             case when y < ${LAST_YEAR} then s.user_id end,
             case when y < ${LAST_YEAR} then s.name end,
             case when y < ${LAST_YEAR} then 'burgemeester' end,
             case when y < ${LAST_YEAR} then 'Het college van burgemeester en wethouders van ' || g.name || ' verklaart dat de informatiebeveiliging over ' || y || ' is ingericht zoals in deze zelfevaluatie beschreven.' end
      from b_gem g cross join generate_series(${first}, ${LAST_YEAR}) y left join b_signer s on s.organisation_id = g.id`,
    );

    // A realistic mix: older years comply less; the current year is half filled in; about 6% not applicable.
    await run(
      'requirement_assessments',
      `
      insert into requirement_assessments (organisation_id, year_id, requirement_id, framework_id, applicable, not_applicable_reason, result,
                                           explanation, owner_id, due_date, auditor_remarks, updated_at, updated_by)
      with x as materialized (
        select y.organisation_id, y.id as year_id, y.year, r.id as requirement_id, r.framework_id, r.ref,
               random() as r_app, random() as r_res, random() as r_own, random() as r_due, random() as r_fill, random() as r_day, random() as r_aud
        from assessment_years y join b_req r on r.framework_id = any(y.framework_ids)
      ), z as (
        select x.*, x.r_app >= 0.06 as applicable,
               case
                 when x.r_fill >= (case when x.year = ${LAST_YEAR} then 0.5 else 0.99 end) then 'niet_beoordeeld'
                 when x.r_res < 0.35 + 0.3 * least(1, (x.year - ${first})::float / ${span}) then 'voldoet'
                 when x.r_res < 0.55 + 0.3 * least(1, (x.year - ${first})::float / ${span}) then 'voldoet_deels'
                 else 'voldoet_niet'
               end as result
        from x
      )
      select z.organisation_id, z.year_id, z.requirement_id, z.framework_id, z.applicable,
             case when not z.applicable then 'Niet van toepassing: deze voorziening heeft de gemeente niet in eigen beheer.' end,
             z.result,
             case when z.result = 'niet_beoordeeld' then ''
                  else 'Toelichting bij ' || z.ref || ': ' || (case z.result when 'voldoet' then 'aantoonbaar ingericht en getoetst.' when 'voldoet_deels' then 'gedeeltelijk ingericht, verbeterplan loopt.' else 'nog niet ingericht.' end) end,
             o.user_id,
             case when z.applicable and z.result <> 'voldoet' and z.r_due < 0.7 then to_char(make_date(z.year::int, 1, 1) + floor(z.r_day * 540)::int, 'YYYY-MM-DD') end,
             case when z.year < ${LAST_YEAR} and z.r_aud < 0.1 then 'Steekproef: onderbouwing aangevuld na de audit.' else '' end,
             make_timestamptz(z.year::int, 1, 10, 9, 0, 0, 'Europe/Amsterdam') + z.r_day * interval '300 days',
             o.user_id
      from z left join b_owner o on o.organisation_id = z.organisation_id and z.r_own >= 0.12
        and o.idx = (case when z.r_own < 0.4 then 0 else floor(z.r_own * 1000)::int % o.cnt end)`,
    );

    await run(
      'compliance_progress',
      `
      insert into compliance_progress (organisation_id, year, framework_id, total, applicable, voldoet, voldoet_deels, voldoet_niet, niet_beoordeeld, phase, signed, updated_at)
      select a.organisation_id, y.year, a.framework_id, count(*),
             count(*) filter (where a.applicable),
             count(*) filter (where a.applicable and a.result = 'voldoet'),
             count(*) filter (where a.applicable and a.result = 'voldoet_deels'),
             count(*) filter (where a.applicable and a.result = 'voldoet_niet'),
             count(*) filter (where a.applicable and a.result = 'niet_beoordeeld'),
             y.phase, y.signed_at is not null, now()
      from requirement_assessments a join assessment_years y on y.id = a.year_id
      group by a.organisation_id, y.year, a.framework_id, y.phase, y.signed_at`,
    );

    await run(
      'measures',
      `
      insert into measures (organisation_id, title, description, owner_id, status, created_at, updated_at)
      with x as materialized (
        select g.id as organisation_id, i, random() as r1, random() as r2, random() as r3 from b_gem g cross join generate_series(1, ${MEASURES_PER_GEMEENTE}) i
      )
      select x.organisation_id,
             'Maatregel ' || lpad(i::text, 3, '0') || ': ' || (${topics})[1 + i % ${TOPICS.length}],
             'Onderdeel van het informatiebeveiligingsplan; uitgevoerd door de afdeling I&A.',
             o.user_id,
             case when x.r1 < 0.55 then 'geimplementeerd' when x.r1 < 0.75 then 'in_uitvoering' when x.r1 < 0.95 then 'gepland' else 'vervallen' end,
             timestamptz '${first}-01-01 09:00+01' + x.r3 * interval '${nYears * 360} days',
             timestamptz '${first}-01-01 09:00+01' + x.r3 * interval '${nYears * 360} days' + interval '30 days'
      from x left join b_owner o on o.organisation_id = x.organisation_id and o.idx = floor(x.r2 * o.cnt)::int;
      create temp table b_measure on commit drop as
        select id, organisation_id, (row_number() over (partition by organisation_id order by id) - 1)::int as idx from measures;
      analyze b_measure;`,
    );

    await run(
      'measure_requirements',
      `
      insert into measure_requirements (organisation_id, measure_id, requirement_id, coverage)
      with m as materialized (
        select id, organisation_id, floor(random() * ${assessable})::int as base, 1 + floor(random() * 4)::int as k from measures
      )
      select m.organisation_id, m.id, r.id, case when random() < 0.7 then 'full' else 'partial' end
      from m cross join generate_series(0, 3) j join b_req r on r.idx = (m.base + ${linkStep} * j) % ${assessable}
      where j < m.k`,
    );

    await run(
      'evidence',
      `
      insert into evidence (organisation_id, kind, title, description, url, file_name, media_type, size_bytes, sha256, storage_key,
                            valid_from, valid_until, reminded, created_at, created_by)
      with x as materialized (
        select g.id as organisation_id, g.slug, i, random() as r1, random() as r2, random() as r4, random() as r5,
               date '${first}-01-01' + floor(random() * ${nYears * 360})::int as vf
        from b_gem g cross join generate_series(1, ${EVIDENCE_PER_GEMEENTE}) i
      ), y as (
        select x.*, x.r1 < 0.6 as is_file, case when x.r4 < 0.7 then x.vf + 365 + floor(x.r4 * 1000)::int end as vu from x
      )
      select y.organisation_id, case when is_file then 'file' else 'link' end,
             'Bewijs ' || lpad(i::text, 4, '0') || ': ' || (${topics})[1 + i % ${TOPICS.length}],
             '',
             case when not is_file then 'https://intranet.' || slug || '.example/documenten/' || i end,
             case when is_file then 'bewijs-' || lpad(i::text, 4, '0') || (array['.pdf','.docx','.xlsx','.png'])[1 + i % 4] end,
             case when is_file then (array['application/pdf','application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                                           'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet','image/png'])[1 + i % 4] end,
             case when is_file then 20000 + floor(r2 * 5000000)::bigint end,
             case when is_file then md5(y.organisation_id::text || i) || md5(i || y.organisation_id::text) end,
             case when is_file then 'bench/' || y.organisation_id || '/' || i end,
             to_char(vf, 'YYYY-MM-DD'),
             to_char(vu, 'YYYY-MM-DD'),
             case when vu < current_date then 'expired' when vu < current_date + 30 then 'soon' end,
             vf::timestamptz + interval '9 hours',
             o.user_id
      from y left join b_owner o on o.organisation_id = y.organisation_id and o.idx = floor(y.r5 * o.cnt)::int;
      create temp table b_evidence on commit drop as
        select id, organisation_id, (row_number() over (partition by organisation_id order by id) - 1)::int as idx from evidence;
      analyze b_evidence;`,
    );

    // Every evidence record supports a measure; three in ten support a second one.
    await run(
      'measure_evidence',
      `
      insert into measure_evidence (organisation_id, measure_id, evidence_id)
      select e.organisation_id, m.id, e.id
      from b_evidence e cross join generate_series(0, 1) j
      join b_measure m on m.organisation_id = e.organisation_id and m.idx = (e.idx * 7 + j * 151) % ${MEASURES_PER_GEMEENTE}
      where j = 0 or e.idx % 10 < 3`,
    );

    // Assessments that (partly) comply mostly cite evidence directly.
    await run(
      'assessment_evidence',
      `
      insert into assessment_evidence (organisation_id, year_id, requirement_id, evidence_id)
      with a as materialized (
        select organisation_id, year_id, requirement_id, floor(random() * ${EVIDENCE_PER_GEMEENTE})::int as ei, random() as r
        from requirement_assessments where result in ('voldoet', 'voldoet_deels')
      )
      select a.organisation_id, a.year_id, a.requirement_id, e.id
      from a join b_evidence e on e.organisation_id = a.organisation_id and e.idx = a.ei
      where a.r < 0.6`,
    );

    // The frozen snapshot of each signed year (same shape as signYear writes: progress and every item with its evidence).
    await run(
      'snapshots',
      `
      create temp table b_item_evidence on commit drop as
        select ae.year_id, ae.requirement_id, jsonb_agg(jsonb_build_object('id', ev.id, 'title', ev.title, 'sha256', ev.sha256) order by ev.created_at, ev.id) as evidence
        from assessment_evidence ae join evidence ev on ev.id = ae.evidence_id join assessment_years y on y.id = ae.year_id
        where y.signed_at is not null group by ae.year_id, ae.requirement_id;
      create temp table b_items on commit drop as
        select a.year_id, jsonb_agg(jsonb_build_object('framework', a.framework_id, 'ref', r.ref, 'applicable', a.applicable, 'notApplicableReason', a.not_applicable_reason,
                                                       'result', a.result, 'explanation', a.explanation, 'owner', u.name, 'dueDate', a.due_date,
                                                       'evidence', coalesce(e.evidence, '[]'::jsonb)) order by a.framework_id, r.position) as items
        from requirement_assessments a join assessment_years y on y.id = a.year_id and y.signed_at is not null
        join requirements r on r.id = a.requirement_id left join users u on u.id = a.owner_id
        left join b_item_evidence e on e.year_id = a.year_id and e.requirement_id = a.requirement_id
        group by a.year_id;
      create temp table b_progress on commit drop as
        select p.organisation_id, p.year,
               jsonb_agg(jsonb_build_object('framework', p.framework_id, 'total', p.total, 'applicable', p.applicable, 'voldoet', p.voldoet,
                                            'voldoet_deels', p.voldoet_deels, 'voldoet_niet', p.voldoet_niet, 'niet_beoordeeld', p.niet_beoordeeld) order by p.framework_id) as progress
        from compliance_progress p group by p.organisation_id, p.year;
      update assessment_years t set snapshot = s.doc, snapshot_hash = encode(sha256(convert_to(s.doc::text, 'UTF8')), 'hex')
      from (
        select y.id, jsonb_build_object(
          'year', y.year, 'organisation', g.slug, 'signedAt', to_char(y.signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'signer', jsonb_build_object('signerName', y.signer_name, 'signerFunction', y.signer_function, 'statement', y.statement),
          'progress', p.progress, 'items', i.items) as doc
        from assessment_years y join b_gem g on g.id = y.organisation_id join b_items i on i.year_id = y.id
        join b_progress p on p.organisation_id = y.organisation_id and p.year = y.year
      ) s where s.id = t.id`,
    );
  });
  // A running installation has statistics and vacuumed tables; without this, autovacuum and the
  // checkpoint after the bulk load would run during the first measurements.
  await step('VACUUM ANALYZE', async () => {
    await database.executeSql('VACUUM (ANALYZE)');
    await database.executeSql('CHECKPOINT').catch(() => {}); // superuser or pg_checkpoint only
  });

  const counts: Record<string, number> = {};
  for (const t of ['requirements', 'assessment_years', 'requirement_assessments', 'compliance_progress', 'measures', 'measure_requirements', 'evidence', 'measure_evidence', 'assessment_evidence']) {
    counts[t] = Number((await database.executeSql(`select count(*)::int as n from ${t}`)).rows[0].n);
  }
  const [{ missing }] = (await database.executeSql(`select count(*)::int as missing from assessment_years where signed_at is not null and (snapshot is null or snapshot_hash is null)`)).rows;
  if (missing) throw new Error(`compliance bench: ${missing} signed years without a snapshot`);
  const [filter] = (
    await database.executeSql(`
      select o.slug, a.owner_id as "ownerId", count(*)::int as expected
      from requirement_assessments a join assessment_years y on y.id = a.year_id join organisations o on o.id = y.organisation_id
      where o.kind = 'gemeente' and y.year = ${LAST_YEAR} and a.framework_id = 'weerbaar:bio2' and a.result = 'voldoet_niet'
        and a.applicable and a.due_date < to_char(current_date, 'YYYY-MM-DD') and a.owner_id is not null
      group by o.slug, a.owner_id order by count(*) desc, o.slug limit 1`)
  ).rows;
  if (!filter) throw new Error('compliance bench: no overdue BIO2 items in 2026; the generator is off');
  const [expected2026] = (
    await database.executeSql(`
      select sum(p.voldoet)::int as voldoet, sum(p.total)::int as total from compliance_progress p join organisations o on o.id = p.organisation_id
      where o.slug = 'gemeente-002' and p.year = ${LAST_YEAR}`)
  ).rows;
  return { years, assessable, counts, steps, fkTriggers, ms: ms(t0), filter, expected2026 };
}

export interface Target {
  label: string;
  target: number;
  limit: number;
}

export interface ComplianceResult extends Measurement, Target {}

const gemeente = (i: number) => `gemeente-${pad(i)}`;
const ciso = (i: number) => `gebruiker02@${gemeente(i)}.example`;

/** Measures the four compliance targets of issue #4 (plus two companions) over real HTTP. */
export async function measureCompliance(base: string, cw: ComplianceWorld, database: Database): Promise<{ results: ComplianceResult[]; notes: string[] }> {
  const api = `${base}/api/v1/organisations`;
  const slug = cw.filter.slug;
  const admin = await signIn(base, `gebruiker01@${slug}.example`);
  const analist = await signIn(base, 'analist@csirt-gemeenten.example');
  const results: ComplianceResult[] = [];
  const notes: string[] = [];
  const sumTotal = (b: any) => (b.progress as any[]).reduce((s, p) => s + p.total, 0);

  const progressCheck = (b: any) => {
    if (b.progress?.length !== FRAMEWORKS.length || sumTotal(b) !== cw.assessable) throw new Error(`unexpected progress: ${JSON.stringify(b).slice(0, 300)}`);
    if (!b.progress.every((p: any) => p.chapters.length > 0)) throw new Error('progress without chapters');
  };
  results.push({
    ...(await measure(`1. progress per framework/chapter: GET …/${slug}/assessment-years/${LAST_YEAR}`, `${api}/${slug}/assessment-years/${LAST_YEAR}`, admin.cookie, progressCheck, N)),
    target: 10,
    limit: 50,
  });
  results.push({
    ...(await measure(`1b. idem, signed year with snapshot: …/assessment-years/${LAST_YEAR - 1}`, `${api}/${slug}/assessment-years/${LAST_YEAR - 1}`, admin.cookie, (b) => {
      progressCheck(b);
      if (!b.signed) throw new Error('year not signed');
    }, N)),
    target: 10,
    limit: 50,
  });

  results.push({
    ...(await measure(`1c. list of years: GET …/${slug}/assessment-years (${cw.years.length} years, ${cw.years.length - 1} signed)`, `${api}/${slug}/assessment-years`, admin.cookie, (b) => {
      if (b.items?.length !== cw.years.length) throw new Error(`years list: ${b.items?.length}`);
    }, N)),
    target: 10,
    limit: 50,
  });

  const filtered = `framework=weerbaar:bio2&result=voldoet_niet&owner=${cw.filter.ownerId}&overdue=true&limit=50`;
  results.push({
    ...(await measure(`2. assessment page, filtered: …/${LAST_YEAR}/assessments?framework=BIO2&result=voldoet_niet&owner=…&overdue=true`, `${api}/${slug}/assessment-years/${LAST_YEAR}/assessments?${filtered}`, admin.cookie, (b) => {
      if (b.total !== cw.filter.expected || b.items.length !== Math.min(50, cw.filter.expected)) throw new Error(`filtered page: total ${b.total}, expected ${cw.filter.expected}`);
      if (!b.items.every((i: any) => i.overdue && i.result === 'voldoet_niet' && i.owner?.id === cw.filter.ownerId)) throw new Error('filter not applied');
    }, N)),
    target: 10,
    limit: 50,
  });
  results.push({
    ...(await measure(`2b. assessment page, 100 rows: …/${LAST_YEAR}/assessments?framework=BIO2&limit=100&cursor=100`, `${api}/${slug}/assessment-years/${LAST_YEAR}/assessments?framework=weerbaar:bio2&limit=100&cursor=100`, admin.cookie, (b) => {
      if (b.items.length !== Math.min(100, b.total - 100) || b.total < 101) throw new Error(`page: ${b.items.length} of ${b.total}`);
    }, N)),
    target: 10,
    limit: 50,
  });

  results.push({
    ...(await measure(`3. CSIRT overview: GET …/csirt-gemeenten/compliance-overview?year=${LAST_YEAR}`, `${api}/csirt-gemeenten/compliance-overview?year=${LAST_YEAR}`, analist.cookie, (b) => {
      if (b.items?.length !== 342) throw new Error(`overview has ${b.items?.length} gemeenten, expected 342`);
      if (!b.items.every((i: any) => i.frameworks.length === FRAMEWORKS.length)) throw new Error('overview misses frameworks');
    }, N)),
    target: 50,
    limit: 150,
  });

  // 4. A fresh 2027 per gemeente, copied from 2026: each iteration is a different gemeente's CISO.
  const total = WARMUP_CREATE + N_CREATE;
  if (total > 341) throw new Error('BENCH_CREATE_N: at most 336 (one gemeente per iteration)');
  const sessions: Session[] = [];
  for (let i = 0; i < total; i += 4) {
    sessions.push(...(await Promise.all(Array.from({ length: Math.min(4, total - i) }, (_, k) => signIn(base, ciso(2 + i + k))))));
  }
  const nextYear = LAST_YEAR + 1;
  let checked = false;
  const create = await timeRuns(`4. new year from the last: POST …/assessment-years {year: ${nextYear}, copyFrom: ${LAST_YEAR}}`, N_CREATE, WARMUP_CREATE, async (i, measured) => {
    const s = sessions[measured ? WARMUP_CREATE + i : i];
    const g = measured ? 2 + WARMUP_CREATE + i : 2 + i;
    const t0 = performance.now();
    const res = await fetch(`${api}/${gemeente(g)}/assessment-years`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ year: nextYear, copyFrom: LAST_YEAR }),
    });
    const text = await res.text();
    const elapsed = ms(t0);
    if (res.status !== 201) throw new Error(`create year ${gemeente(g)}: ${res.status} ${text.slice(0, 300)}`);
    if (!checked) {
      const b = JSON.parse(text);
      if (b.year !== nextYear || sumTotal(b) !== cw.assessable) throw new Error(`create year: unexpected body ${text.slice(0, 300)}`);
      // gemeente-002 is the first: its answers must have been carried over
      const voldoet = (b.progress as any[]).reduce((n, p) => n + p.voldoet, 0);
      if (g === 2 && voldoet !== cw.expected2026.voldoet) throw new Error(`copy lost answers: ${voldoet} voldoet, expected ${cw.expected2026.voldoet}`);
      checked = true;
    }
    return elapsed;
  });
  results.push({ ...create, target: 100, limit: 500 });

  const [copied] = (
    await database.executeSql(`
      select count(distinct y.id)::int as years, count(ae.*)::int as evidence_links
      from assessment_years y left join assessment_evidence ae on ae.year_id = y.id where y.year = ${nextYear}`)
  ).rows;
  notes.push(`create year: ${copied.years} years ${nextYear} created, ${copied.evidence_links} assessment–evidence links copied with them (${f2(copied.evidence_links / Math.max(1, copied.years))} per year)`);
  return { results, notes };
}

export function complianceSummary(cw: ComplianceWorld): string[] {
  return [
    `compliance data: years ${cw.years[0]}–${cw.years.at(-1)} (${cw.years.length}; ${cw.years.length - 1} signed, ${cw.years.at(-1)} half filled), ${cw.assessable} assessable requirements per year in ${FRAMEWORKS.join(', ')}`,
    `compliance rows: ${Object.entries(cw.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`,
    `measured gemeente: ${cw.filter.slug} (its admin; the filtered page matches ${cw.filter.expected} assessments)`,
    `compliance load: ${(cw.ms / 1000).toFixed(1)} s${cw.fkTriggers ? '' : ' (foreign-key triggers skipped while loading)'}: ${cw.steps.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`,
  ];
}
