/**
 * The benchmark of issue #5: assets (IT and OT), suppliers, joint arrangements, the dependency graph and
 * the risk register at national scale.
 *
 * On top of the foundation world (342 gemeenten with 20 users each, a CSIRT linked to all of them) this
 * generates with set-based SQL, as the database owner, per gemeente: 450 assets of every kind (processes
 * with BIA figures, applications and systems with CPE/purl, data sets, locations, operational
 * technology), 180 suppliers with contracts, verwerkersovereenkomsten and certifications (supplier 1 is
 * ONE shared hosting party, the same KvK number in every gemeente; suppliers 2–40 are national vendors),
 * 30 joint arrangements, about 3,200 typed dependency edges in layers (process → application → system →
 * supplier / hosting, with data sets, OT, locations, joint arrangements, sub-contracting and a few
 * cycles) and 150 risks with links, history rows and acceptances. Then it measures the real HTTP API.
 *
 * How much of a gemeente hangs on the shared hosting party varies, as it does in reality: in one
 * gemeente out of three it hosts the core infrastructure (network, directory, storage …) and so takes
 * almost everything down; elsewhere it hosts 2–20 % of the other systems.
 *
 * The load runs with triggers off, so it computes the maintained reach of the suppliers (table
 * dependency_reach, migration 0017) itself, with the function the triggers use.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { systemTx, type Database } from '../src/server/core/db/client.js';
import { f2, ms, signIn, timeRuns, measure, type Measurement, type Session } from './common.js';
import { rowsOf } from '../src/server/core/db/rows.js';
import { loadThreats } from '../src/server/modules/risks/load-threats.js';

const ASSETS_PER_GEMEENTE = 450;
const SUPPLIERS_PER_GEMEENTE = 180;
const JOINT_ARRANGEMENTS_PER_GEMEENTE = 30;
const RISKS_PER_GEMEENTE = 150;
const MIN = { assets: 150_000, suppliers: 60_000, risks: 50_000, dependencies: 1_000_000 };
export const SHARED_KVK = '30000001';
export const SHARED_NAME = 'Gemeentelijk Rekencentrum Nederland B.V.';
const OUTAGE_HOURS = 48;
const N = Number(process.env.BENCH_ASSETS_N ?? 300);
const N_HEAVY = Number(process.env.BENCH_HEAVY_N ?? 40);
const N_FILE = Number(process.env.BENCH_FILE_N ?? 20);
const WARMUP_HEAVY = 5;
const WARMUP_FILE = 3;

/* Kinds in the order of the 450 per gemeente: [kind, how many]. */
const LAYOUT: [string, number][] = [
  ['proces', 70],
  ['applicatie', 140],
  ['systeem', 110],
  ['gegevensverzameling', 60],
  ['locatie', 30],
  ['ot', 40],
];

/* Municipal processes with their criticality; processes 25–28 run on operational technology. */
const PROCESSES: [string, string][] = [
  ['Uitkeringen Participatiewet', 'vitaal'],
  ['Paspoorten en identiteitskaarten', 'hoog'],
  ['Rijbewijzen', 'midden'],
  ['Burgerlijke stand', 'hoog'],
  ['Verhuizingen en inschrijvingen', 'hoog'],
  ['Omgevingsvergunningen', 'midden'],
  ['Evenementenvergunningen', 'laag'],
  ['Afvalinzameling', 'hoog'],
  ['Gemeentelijke belastingen', 'midden'],
  ['Bijzondere bijstand', 'hoog'],
  ['Schuldhulpverlening', 'midden'],
  ['Wmo-voorzieningen', 'vitaal'],
  ['Jeugdhulp', 'vitaal'],
  ['Leerlingenvervoer', 'hoog'],
  ['Parkeervergunningen', 'laag'],
  ['Handhaving openbare ruimte', 'midden'],
  ['Begraafplaatsen', 'midden'],
  ['Raadsvergaderingen', 'midden'],
  ['Klantcontactcentrum', 'hoog'],
  ['Salarisadministratie', 'hoog'],
  ['Inkoop en facturen', 'midden'],
  ['Subsidies', 'laag'],
  ['Archief en informatiebeheer', 'midden'],
  ['Rampenbestrijding en crisisbeheersing', 'vitaal'],
  ['Waterbeheer en riolering', 'vitaal'],
  ['Verkeersmanagement', 'hoog'],
  ['Bruggen en sluizen bedienen', 'vitaal'],
  ['Openbare verlichting', 'midden'],
  ['Groenonderhoud', 'laag'],
  ['Sportaccommodaties', 'laag'],
  ['Bibliotheekvoorziening', 'laag'],
  ['WOZ-waardebepaling', 'midden'],
  ['Basisregistratie Adressen en Gebouwen', 'hoog'],
  ['Meldingen openbare ruimte', 'midden'],
  ['Inburgering', 'midden'],
];
const RTO: Record<string, number> = { vitaal: 8, hoog: 24, midden: 72, laag: 168 };

/* Applications: [name, cpe product token]; the first 15 are hubs that other applications use. */
const APPLICATIONS: [string, string][] = [
  ['Zaaksysteem', 'zaaksysteem'],
  ['Documentmanagementsysteem', 'dms'],
  ['Koppelingsplatform', 'koppelingsplatform'],
  ['Identity- en toegangsbeheer', 'iam'],
  ['DigiD-koppeling', 'digid_koppeling'],
  ['eHerkenning-koppeling', 'eherkenning_koppeling'],
  ['Berichtenbox-koppeling', 'berichtenbox_koppeling'],
  ['Betaalplatform', 'betaalplatform'],
  ['E-mail en agenda', 'mail'],
  ['Kantoorsoftware', 'kantoor'],
  ['Financieel systeem', 'financieel'],
  ['Klantcontactsysteem', 'kcs'],
  ['Website en e-diensten', 'website'],
  ['Intranet', 'intranet'],
  ['GIS-viewer', 'gis_viewer'],
  ['Burgerzakensysteem', 'burgerzaken'],
  ['Sociaal domein-suite', 'sociaal_domein'],
  ['Belastingapplicatie', 'belastingen'],
  ['Omgevingsloket-koppeling', 'omgevingsloket'],
  ['Raadsinformatiesysteem', 'ris'],
  ['HR- en salarissysteem', 'hr_salaris'],
  ['Parkeerbeheer', 'parkeren'],
  ['Afvalregistratie', 'afval'],
  ['WOZ-applicatie', 'woz'],
  ['BAG-beheer', 'bag'],
  ['Digitaal archief', 'e_depot'],
  ['Telefonie', 'telefonie'],
  ['Videovergaderen', 'video'],
  ['Beheer openbare ruimte', 'bor'],
  ['Crisismanagementsysteem', 'crisis'],
];
/* National software vendors (fictional), with the CPE vendor token; suppliers 2–40 are national parties. */
const VENDORS: [string, string][] = [
  ['Centrium Software', 'centrium'],
  ['PolderSoft', 'poldersoft'],
  ['Stadsware', 'stadsware'],
  ['Civiq', 'civiq'],
  ['Dataplein', 'dataplein'],
  ['OpenGemeente', 'opengemeente'],
  ['Bestuursdata', 'bestuursdata'],
  ['Kernsystemen', 'kernsystemen'],
];
/* Systems: the first 10 are the core infrastructure everything runs on. */
const CORE_SYSTEMS = ['Kernnetwerk', 'Active Directory', 'Opslag (SAN)', 'Back-upomgeving', 'Firewall', 'Virtualisatiecluster', 'DNS en DHCP', 'Werkplekbeheer', 'Printomgeving', 'Wifi-netwerk'];
const SYSTEM_KINDS = ['Applicatieserver', 'Databaseserver', 'Webserver', 'Bestandsserver', 'Koppelingsserver'];
/* [vendor, product, version, cpe, purl] */
const PLATFORMS: [string, string, string, string, string | null][] = [
  ['Microsoft', 'Windows Server 2022', '-', 'cpe:2.3:o:microsoft:windows_server_2022:-:*:*:*:*:*:*:*', null],
  ['Debian', 'Debian GNU/Linux', '12', 'cpe:2.3:o:debian:debian_linux:12.0:*:*:*:*:*:*:*', null],
  ['Red Hat', 'Enterprise Linux', '9', 'cpe:2.3:o:redhat:enterprise_linux:9.0:*:*:*:*:*:*:*', null],
  ['VMware', 'ESXi', '8.0', 'cpe:2.3:o:vmware:esxi:8.0:*:*:*:*:*:*:*', null],
  ['PostgreSQL Global Development Group', 'PostgreSQL', '15.6', 'cpe:2.3:a:postgresql:postgresql:15.6:*:*:*:*:*:*:*', 'pkg:generic/postgresql@15.6'],
];
const DATA_SETS = ['Basisregistratie Personen', 'Cliëntdossiers sociaal domein', 'Belastingadministratie', 'Vergunningendossiers', 'Personeelsdossiers', 'Financiële administratie', 'Camerabeelden', 'Meldingen', 'Geodata', 'Raadsstukken'];
const LOCATIONS = ['Stadhuis', 'Stadskantoor', 'Gemeentewerf', 'Serverruimte', 'Milieustraat', 'Wijkpost', 'Sporthal', 'Bibliotheek', 'Brandweerkazerne', 'Buitendienst'];
const OT_TYPES = ['brug', 'sluis', 'gemaal', 'verkeersregeling', 'overig'];
const OT_NAMES: Record<string, string> = { brug: 'Brug', sluis: 'Sluis', gemaal: 'Gemaal', verkeersregeling: 'Verkeersregelinstallatie', overig: 'Rioolpompput' };
const NATIONAL_SUPPLIERS = [
  'Cloudwolk Nederland B.V.',
  'Datacentrum Oost B.V.',
  'Rekenhal Noord B.V.',
  'Hostinghuis B.V.',
  ...VENDORS.map(([name]) => `${name} B.V.`),
  'Telecom Verbindt B.V.',
  'Energie voor Gemeenten B.V.',
  'Printdiensten Nederland B.V.',
  'Archiefdiensten B.V.',
  'Salarisverwerking Nederland B.V.',
  'Camerabewaking B.V.',
  'Verkeerstechniek B.V.',
  'Pompen en Gemalen B.V.',
  'Brugbediening op Afstand B.V.',
  'Beveiligingsdienst Waakzaam B.V.',
  'Betaaldiensten B.V.',
  'Identiteit Online B.V.',
  'Documentscan B.V.',
  'Vertaalbureau Helder B.V.',
  'Adviesbureau Weerbaar B.V.',
  'Kantoorautomatisering B.V.',
  'Netwerkbeheer B.V.',
  'Werkplekdiensten B.V.',
  'Back-up Zeker B.V.',
  'Mobiele Diensten B.V.',
  'Geodata Nederland B.V.',
  'Datacentrum Zuid B.V.',
  'Parkeerdiensten B.V.',
  'Zorgsoftware Nederland B.V.',
  'Leerlingdata B.V.',
  'Digitaal Loket B.V.',
  'Open Data Diensten B.V.',
];
/* suppliers 2–40 are national (the edges below rely on it), 41–180 local */
if (NATIONAL_SUPPLIERS.length !== 39) throw new Error(`assets bench: ${NATIONAL_SUPPLIERS.length} national suppliers, expected 39`);
const LOCAL_KINDS = ['Installatiebedrijf', 'Adviesbureau', 'Softwarehuis', 'Schoonmaakbedrijf', 'Drukkerij', 'Telecombedrijf', 'Beveiligingsbedrijf', 'Ingenieursbureau', 'Hoveniersbedrijf', 'Uitzendbureau'];
/* 10 kinds × 14 names: the 140 local suppliers of a gemeente have different names (the import's links sheet names nodes) */
const LOCAL_NAMES = ['De Linde', 'Het Anker', 'Noordkaap', 'Polderlicht', 'De Meent', 'Zuiderzon', 'Het Baken', 'De Vaart', 'Oosterpoort', 'De Dijk', 'Het Veer', 'Klaverblad', 'Zilverberg', 'Meerzicht'];
const JOINT = [
  ['Belastingsamenwerking', 'gemeenschappelijke_regeling'],
  ['Omgevingsdienst', 'gemeenschappelijke_regeling'],
  ['GGD', 'gemeenschappelijke_regeling'],
  ['Veiligheidsregio', 'gemeenschappelijke_regeling'],
  ['Sociale werkvoorziening', 'gemeenschappelijke_regeling'],
  ['ICT-samenwerking', 'samenwerkingsverband'],
  ['Afvalbedrijf', 'gemeenschappelijke_regeling'],
  ['Recreatieschap', 'gemeenschappelijke_regeling'],
  ['Regionaal archief', 'gemeenschappelijke_regeling'],
  ['Inkoopbureau', 'samenwerkingsverband'],
  ['Regionale sociale dienst', 'gemeenschappelijke_regeling'],
  ['Leerplicht en RMC', 'convenant'],
  ['Veiligheidshuis', 'convenant'],
  ['Bedrijvenschap', 'anders'],
  ['Regionaal Bureau Toerisme', 'anders'],
];
const RISK_TITLES: Record<string, string[]> = {
  digitaal: ['Ransomware op de kantoorautomatisering', 'Uitval van de hostingpartij', 'Phishing met gestolen inloggegevens', 'Kwetsbaarheid in een internetkoppeling', 'Back-ups niet hersteltest'],
  privacy: ['Datalek door een verkeerd verzonden brief', 'Te ruime toegang tot cliëntdossiers', 'Verwerking zonder grondslag', 'Bewaartermijnen overschreden', 'Ontbrekende verwerkersovereenkomst'],
  juridisch: ['Aanbesteding niet rechtmatig', 'Besluit zonder deugdelijke motivering', 'Beslistermijnen overschreden', 'Aansprakelijkheid na schade in de openbare ruimte', 'Zorgplicht Cbw niet aantoonbaar'],
  financieel: ['Open-einderegeling jeugdhulp', 'Fraude met bijzondere bijstand', 'Tekort op de grondexploitatie', 'Onverwachte kosten van een exit bij een leverancier', 'Boetes door te late betaling'],
  fysiek: ['Wateroverlast door uitval van een gemaal', 'Storing in de brugbediening', 'Brand in de serverruimte', 'Stroomuitval in het stadhuis', 'Sabotage van verkeersregelinstallaties'],
  reputatie: ['Negatieve berichtgeving na een datalek', 'Klantcontactcentrum onbereikbaar', 'Onjuiste informatie op de website', 'Misbruik van sociale-media-accounts', 'Integriteitsincident'],
};
/* domain by k % 20: digitaal 6, privacy 4, juridisch 2, financieel 3, fysiek 3, reputatie 2 */
const DOMAIN_BY_20 = ['digitaal', 'privacy', 'digitaal', 'financieel', 'fysiek', 'digitaal', 'privacy', 'juridisch', 'digitaal', 'reputatie', 'privacy', 'digitaal', 'financieel', 'fysiek', 'digitaal', 'privacy', 'juridisch', 'financieel', 'fysiek', 'reputatie'];

export interface AssetsWorld {
  counts: Record<string, number>;
  steps: [string, number][];
  fkTriggers: boolean;
  ms: number;
  /** the measured gemeente (its admin) */
  slug: string;
  sharedSupplierId: string;
  /** (process, supplier) pairs of the measured gemeente without an edge yet */
  linkPairs: { from: string; to: string }[];
  expect: {
    assetsFiltered: number;
    assetsSearch: number;
    suppliersFiltered: number;
    /** all processes in all gemeenten that transitively depend on the shared hosting party */
    acrossProcesses: number;
    acrossGemeenten: number;
    acrossGemeentenHit: number;
    /** nodes that depend on the shared hosting party in the measured gemeente */
    cascadeAffected: number;
    cascadeProcesses: number;
    risksFiltered: number;
    risksOpen: number;
  };
  perGemeente: { reachedAssetsAvg: number; reachedAssetsMax: number; reachedProcessesAvg: number };
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `array[${xs.map(lit).join(',')}]::text[]`;
const pick = (xs: readonly string[], indexExpr: string) => `(${arr(xs)})[1 + ((${indexExpr}) % ${xs.length})]`;

/** Generates the assets, suppliers, dependencies and risks; the foundation world must exist. */
export async function generateAssets(database: Database, slug: string): Promise<AssetsWorld> {
  const t0 = performance.now();
  const steps: [string, number][] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const out = await fn();
    steps.push([name, ms(s)]);
    return out;
  };
  let fkTriggers = true;
  await step('threat catalog', () => loadThreats(database)); // as the server's bootstrap does
  const offsets: Record<string, number> = {};
  {
    let at = 0;
    for (const [kind, n] of LAYOUT) {
      offsets[kind] = at;
      at += n;
    }
    if (at !== ASSETS_PER_GEMEENTE) throw new Error('assets bench: layout does not add up to 450');
  }
  const count = Object.fromEntries(LAYOUT) as Record<string, number>;
  const kindCase = `case ${LAYOUT.map(([kind]) => `when i <= ${offsets[kind] + count[kind]} then ${lit(kind)}`).join(' ')} end`;
  const offsetCase = `case ${LAYOUT.map(([kind]) => `when i <= ${offsets[kind] + count[kind]} then ${offsets[kind]}`).join(' ')} end`;
  const numbered = (list: readonly string[], k = 'k') => `${pick(list, `${k} - 1`)} || case when ${k} > ${list.length} then ' ' || ((${k} - 1) / ${list.length} + 1) else '' end`;

  await systemTx(database, async (tx) => {
    const fastLoad = await tx
      .transaction(async (sp) => {
        await sp.execute(sql.raw('set local session_replication_role = replica'));
        return true;
      })
      .catch(() => false);
    fkTriggers = !fastLoad;
    const run = (name: string, text: string) =>
      step(name, async () => {
        for (const statement of text.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await tx.execute(sql.raw(statement.replace(/;$/, '')));
      });

    await run(
      'helper tables',
      `
      select setseed(0.5);
      create temp table a_gem on commit drop as
        select o.id, o.slug, o.name, row_number() over (order by o.slug)::int as n from organisations o where o.kind = 'gemeente';
      create temp table a_owner on commit drop as
        select m.organisation_id, m.user_id, u.name,
               (row_number() over (partition by m.organisation_id order by ('ciso' = any(m.roles)) desc, u.email) - 1)::int as idx,
               count(*) over (partition by m.organisation_id)::int as cnt
        from memberships m join users u on u.id = m.user_id join a_gem g on g.id = m.organisation_id
        where m.roles && array['admin','ciso','privacy','medewerker']::text[];
      create temp table a_role on commit drop as
        select distinct on (m.organisation_id, r.role) m.organisation_id, r.role, m.user_id, u.name
        from memberships m join users u on u.id = m.user_id join a_gem g on g.id = m.organisation_id
        cross join lateral unnest(m.roles) as r(role)
        where r.role in ('ciso', 'bestuurder', 'privacy') order by m.organisation_id, r.role, u.email;
      analyze a_gem;
      analyze a_owner;
      analyze a_role;
      insert into high_risk_countries (country_code, reason) values
        ('CN', 'Land met een offensief cyberprogramma (NCTV, Cybersecuritybeeld Nederland)'),
        ('RU', 'Land met een offensief cyberprogramma (NCTV, Cybersecuritybeeld Nederland)'),
        ('IR', 'Land met een offensief cyberprogramma (NCTV, Cybersecuritybeeld Nederland)'),
        ('KP', 'Land met een offensief cyberprogramma (NCTV, Cybersecuritybeeld Nederland)')
      on conflict do nothing`,
    );

    await run(
      'assets',
      `
      insert into assets (organisation_id, kind, name, description, owner_id, criticality, availability, integrity, confidentiality,
                          personal_data, personal_data_categories, rto_hours, rpo_hours, mtd_hours, vendor, product, version, cpe, purl,
                          ot_type, remote_access, remote_access_how, location, created_at, updated_at)
      with x as materialized (
        select g.id as org, g.n, g.name as gname, i, ${kindCase} as kind, i - ${offsetCase} as k,
               random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6
        from a_gem g cross join generate_series(1, ${ASSETS_PER_GEMEENTE}) i
      ), y as (
        select x.*,
          case x.kind
            when 'proces' then ${numbered(PROCESSES.map((p) => p[0]))}
            when 'applicatie' then ${numbered(APPLICATIONS.map((a) => a[0]))}
            when 'systeem' then case when k <= ${CORE_SYSTEMS.length} then ${pick(CORE_SYSTEMS, 'k - 1')}
                                     else ${pick(SYSTEM_KINDS, 'k')} || ' ' || lpad(k::text, 3, '0') end
            when 'gegevensverzameling' then ${numbered(DATA_SETS)}
            when 'locatie' then ${numbered(LOCATIONS)}
            else ${pick(Object.values(OT_NAMES), 'k - 1')} || ' ' || lpad(k::text, 2, '0')
          end as name,
          case when x.kind = 'proces' then (${arr(PROCESSES.map((p) => p[1]))})[1 + (k - 1) % ${PROCESSES.length}] end as crit,
          ${pick(OT_TYPES, 'k - 1')} as ot_type,
          1 + (k + n) % ${PLATFORMS.length} as platform,
          1 + (k * 3 + n) % ${VENDORS.length} as vendor
        from x
      )
      select y.org, y.kind, y.name,
             case y.kind
               when 'proces' then 'Gemeentelijk proces ' || y.name || ' van ' || y.gname || '; de BIA is in ' || (2019 + k % 6) || ' vastgesteld.'
               when 'applicatie' then 'Applicatie voor ' || y.name || ', beheerd door het team I&A.'
               when 'systeem' then 'Technische voorziening ' || y.name || '.'
               when 'gegevensverzameling' then 'Gegevensverzameling ' || y.name || '.'
               when 'locatie' then 'Locatie ' || y.name || ' van ' || y.gname || '.'
               else 'Operationele technologie in de openbare ruimte, bediend vanuit de centrale post.'
             end,
             case when y.r1 < 0.9 then o.user_id end,
             case when y.kind = 'proces' then y.crit
                  when y.kind in ('applicatie', 'systeem', 'ot') then (array['laag','midden','hoog','vitaal'])[1 + floor(y.r2 * 4)::int] end,
             case when y.kind <> 'locatie' then (array['laag','midden','hoog'])[1 + floor(y.r3 * 3)::int] end,
             case when y.kind <> 'locatie' then (array['laag','midden','hoog'])[1 + floor(y.r4 * 3)::int] end,
             case when y.kind <> 'locatie' then (array['laag','midden','hoog'])[1 + floor(y.r5 * 3)::int] end,
             y.kind in ('proces', 'applicatie', 'gegevensverzameling') and y.r6 < 0.6,
             case when y.kind in ('proces', 'applicatie', 'gegevensverzameling') and y.r6 < 0.6
                  then case when y.r6 < 0.1 then array['gewone','bijzondere','bsn']::text[] when y.r6 < 0.3 then array['gewone','bsn']::text[] else array['gewone']::text[] end
                  else '{}'::text[] end,
             case when y.kind = 'proces' and y.r2 >= 0.08 then (${`jsonb_build_object(${Object.entries(RTO).map(([c, h]) => `${lit(c)}, ${h}`).join(', ')})`} ->> y.crit)::bigint end,
             case when y.kind = 'proces' and y.r2 >= 0.08 then greatest(1, (${`jsonb_build_object(${Object.entries(RTO).map(([c, h]) => `${lit(c)}, ${h}`).join(', ')})`} ->> y.crit)::bigint / 2) end,
             case when y.kind = 'proces' and y.r2 >= 0.08 then 3 * (${`jsonb_build_object(${Object.entries(RTO).map(([c, h]) => `${lit(c)}, ${h}`).join(', ')})`} ->> y.crit)::bigint end,
             case when y.kind = 'applicatie' then ${pick(VENDORS.map((v) => v[0]), 'y.vendor - 1')}
                  when y.kind = 'systeem' then ${pick(PLATFORMS.map((p) => p[0]), 'y.platform - 1')} end,
             case when y.kind = 'applicatie' then ${pick(APPLICATIONS.map((a) => a[0]), 'k - 1')}
                  when y.kind = 'systeem' then ${pick(PLATFORMS.map((p) => p[1]), 'y.platform - 1')} end,
             case when y.kind = 'applicatie' then (1 + k % 5) || '.' || (k % 10) || '.' || (n % 7)
                  when y.kind = 'systeem' then ${pick(PLATFORMS.map((p) => p[2]), 'y.platform - 1')} end,
             case when y.kind = 'applicatie' then 'cpe:2.3:a:' || ${pick(VENDORS.map((v) => v[1]), 'y.vendor - 1')} || ':' || ${pick(APPLICATIONS.map((a) => a[1]), 'k - 1')}
                                                 || ':' || (1 + k % 5) || '.' || (k % 10) || '.' || (n % 7) || ':*:*:*:*:*:*:*'
                  when y.kind = 'systeem' then ${pick(PLATFORMS.map((p) => p[3]), 'y.platform - 1')} end,
             case when y.kind = 'applicatie' and k % 3 = 0 then 'pkg:generic/' || ${pick(VENDORS.map((v) => v[1]), 'y.vendor - 1')} || '/' || ${pick(APPLICATIONS.map((a) => a[1]), 'k - 1')}
                                                 || '@' || (1 + k % 5) || '.' || (k % 10) || '.' || (n % 7)
                  when y.kind = 'systeem' then (array[${PLATFORMS.map((p) => (p[4] ? lit(p[4]) : 'null')).join(',')}]::text[])[y.platform] end,
             case when y.kind = 'ot' then y.ot_type end,
             case when y.kind = 'ot' then y.r3 < 0.6 end,
             case when y.kind = 'ot' and y.r3 < 0.6 then case when y.r3 < 0.3 then 'VPN van de leverancier met MFA, alleen na melding bij de centrale post' else '4G-modem met vaste IP-adressen en een VPN naar de leverancier' end end,
             case when y.kind = 'ot' then 'Kade ' || (1 + k % 12) || ', ' || y.gname when y.kind = 'locatie' then 'Adres ' || k || ', ' || y.gname end,
             timestamptz '2023-01-01 09:00+01' + y.i * interval '2 days' + y.r5 * interval '1 day',
             timestamptz '2023-01-01 09:00+01' + y.i * interval '2 days' + y.r5 * interval '1 day' + interval '20 days'
      from y left join a_owner o on o.organisation_id = y.org and o.idx = floor(y.r4 * o.cnt)::int;
      create temp table a_asset on commit drop as
        select a.organisation_id as org, a.kind, (row_number() over (partition by a.organisation_id, a.kind order by a.created_at, a.id))::int as k, a.id
        from assets a join a_gem g on g.id = a.organisation_id;
      create index on a_asset (org, kind, k);
      analyze a_asset`,
    );

    await run(
      'suppliers',
      `
      insert into suppliers (organisation_id, name, description, website, registration_number, country_of_origin, processing_countries, processes_personal_data, created_at, updated_at)
      with x as materialized (
        select g.id as org, g.n, k, random() as r1, random() as r2 from a_gem g cross join generate_series(1, ${SUPPLIERS_PER_GEMEENTE}) k
      )
      select x.org,
             case when k = 1 then ${lit(SHARED_NAME)}
                  when k <= ${NATIONAL_SUPPLIERS.length + 1} then ${pick(NATIONAL_SUPPLIERS, 'k - 2')}
                  else ${pick(LOCAL_KINDS, 'k')} || ' ' || ${pick(LOCAL_NAMES, 'k / 10')} || ' B.V.' end,
             case when k = 1 then 'Hosting en beheer van de rekencentrumvoorzieningen voor gemeenten.'
                  when k <= 5 then 'Hosting- en cloudpartij.' else 'Leverancier van de gemeente.' end,
             'https://www.leverancier' || case when k <= ${NATIONAL_SUPPLIERS.length + 1} then k::text else n || '-' || k end || '.example',
             case when k = 1 then ${lit(SHARED_KVK)} when k <= ${NATIONAL_SUPPLIERS.length + 1} then '3' || lpad(k::text, 7, '0') else '6' || lpad(n::text, 3, '0') || lpad(k::text, 4, '0') end,
             case when k in (2, 3) then 'US' when k > 40 and x.r1 < 0.03 then 'CN' else 'NL' end,
             case when k in (2, 3) then array['IE','NL']::text[] when k > 40 and x.r1 < 0.05 then array['NL','CN']::text[] else array['NL']::text[] end,
             k = 1 or x.r2 < 0.5,
             timestamptz '2022-06-01 09:00+02' + k * interval '5 days' + x.r1 * interval '4 days',
             timestamptz '2022-06-01 09:00+02' + k * interval '5 days' + x.r1 * interval '4 days' + interval '10 days'
      from x;
      create temp table a_sup on commit drop as
        select s.organisation_id as org, (row_number() over (partition by s.organisation_id order by s.created_at, s.id))::int as k, s.id, s.processes_personal_data as ppd
        from suppliers s join a_gem g on g.id = s.organisation_id;
      create index on a_sup (org, k);
      analyze a_sup;
      insert into supplier_contracts (organisation_id, supplier_id, title, start_date, end_date, value_cents, notice_period_days, exit_plan)
      select s.org, s.id, 'Overeenkomst ' || s.k,
             to_char(current_date - (365 + floor(random() * 1000))::int, 'YYYY-MM-DD'),
             to_char(current_date + (floor(random() * 1200) - 100)::int, 'YYYY-MM-DD'),
             (1000 + floor(random() * 500000))::bigint * 100,
             (array[30, 90, 180])[1 + floor(random() * 3)::int],
             case when random() < 0.4 then 'Exitplan vastgesteld: gegevens terug in een open formaat binnen 30 dagen.' else '' end
      from a_sup s;
      insert into processing_agreements (organisation_id, supplier_id, signed, signed_on, model, model_version, notes)
      select s.org, s.id, true, to_char(current_date - (30 + floor(random() * 1500))::int, 'YYYY-MM-DD'),
             case when random() < 0.85 then 'vng_model' else 'anders' end, '2023', ''
      from a_sup s where s.ppd and (s.k = 1 or random() < 0.8);
      insert into supplier_certifications (organisation_id, supplier_id, kind, name, valid_until)
      select s.org, s.id, (array['iso27001','isae3402','soc2','nen7510'])[1 + s.k % 4], '',
             to_char(current_date + (floor(random() * 1100) - 200)::int, 'YYYY-MM-DD')
      from a_sup s where s.k <= 40 or random() < 0.4;
      insert into supplier_subprocessors (organisation_id, supplier_id, subprocessor_id)
      select s.org, s.id, t.id from a_sup s join a_sup t on t.org = s.org and t.k = 1 + (s.k * 7) % 40
      where s.k > 1 and s.k % 5 = 0 and t.id <> s.id
      on conflict do nothing`,
    );

    await run(
      'joint arrangements',
      `
      insert into joint_arrangements (organisation_id, name, kind, description, accountable, last_council_report, created_at, updated_at)
      select g.id, ${pick(JOINT.map((j) => j[0]), 'k - 1')} || case when k > ${JOINT.length} then ' ' || ${pick(LOCAL_NAMES, 'k + g.n')} else '' end,
             ${pick(JOINT.map((j) => j[1]), 'k - 1')},
             'Voert taken uit voor de deelnemende gemeenten.', 'Portefeuillehouder in het algemeen bestuur',
             to_char(current_date - (floor(random() * 700))::int, 'YYYY-MM-DD'),
             timestamptz '2024-01-01 09:00+01' + k * interval '3 days', timestamptz '2024-01-01 09:00+01' + k * interval '3 days'
      from a_gem g cross join generate_series(1, ${JOINT_ARRANGEMENTS_PER_GEMEENTE}) k;
      create temp table a_ja on commit drop as
        select j.organisation_id as org, (row_number() over (partition by j.organisation_id order by j.created_at, j.id))::int as k, j.id
        from joint_arrangements j join a_gem g on g.id = j.organisation_id;
      create index on a_ja (org, k);
      analyze a_ja;
      create temp table a_node on commit drop as
        select org, kind as nk, k, id, 'asset' as type from a_asset
        union all select org, 'supplier', k, id, 'supplier' from a_sup
        union all select org, 'ja', k, id, 'joint_arrangement' from a_ja;
      create index on a_node (org, nk, k);
      analyze a_node`,
    );

    // The edges, layer by layer: (from kind, from k, to kind, to k, dependency kind). Node kinds here are
    // asset kinds plus 'supplier' and 'ja'. Duplicates (same from, to and kind) collapse on the unique key.
    const P = count.proces;
    const A = count.applicatie;
    const S = count.systeem;
    const D = count.gegevensverzameling;
    const L = count.locatie;
    const O = count.ot;
    const HUBS = 15;
    const CORE = CORE_SYSTEMS.length;
    const edgeSql = `
      -- process → 5 applications, 2 data sets, a location; a sub-process → its main process, some → the klantcontactcentrum, archive ⇄ crisis
      -- (a cycle); OT processes → 5 OT; 60 → a joint arrangement
      select g.id as org, g.n, 'proces' as fk, p as fi, 'applicatie' as tk, 1 + (p * 7 + j * 29) % ${A} as ti, 'gebruikt' as kind
        from a_gem g, generate_series(1, ${P}) p, generate_series(0, 4) j
      union all select g.id, g.n, 'proces', p, 'gegevensverzameling', 1 + (p * 3 + j * 31) % ${D}, 'gebruikt' from a_gem g, generate_series(1, ${P}) p, generate_series(0, 1) j
      union all select g.id, g.n, 'proces', p, 'proces', case when p > ${PROCESSES.length} then p - ${PROCESSES.length} when p = 23 then 24 when p = 24 then 23 else 19 end, 'afhankelijk_van'
        from a_gem g, generate_series(1, ${P}) p where p > ${PROCESSES.length} or p in (23, 24) or p % 5 = 0
      union all select g.id, g.n, 'proces', p, 'locatie', 1 + p % ${L}, 'afhankelijk_van' from a_gem g, generate_series(1, ${P}) p
      union all select g.id, g.n, 'proces', p, 'ot', 1 + (p * 5 + j * 8) % ${O}, 'afhankelijk_van'
        from a_gem g, generate_series(1, ${P}) p, generate_series(0, 4) j where (p - 1) % ${PROCESSES.length} between 24 and 27
      union all select g.id, g.n, 'proces', p, 'ja', 1 + (p + g.n) % ${JOINT_ARRANGEMENTS_PER_GEMEENTE}, 'uitbesteed_aan' from a_gem g, generate_series(1, ${P}) p where p % 7 <> 0
      -- application → 3 systems (2 core ones; hubs on the core only), 3 hub applications, 1–2 vendors, a data set (not the hubs)
      union all select g.id, g.n, 'applicatie', a, 'systeem',
             case when a <= ${HUBS} or j < 2 then 1 + (a + j * 3) % ${CORE} else ${CORE + 1} + (a * 5 + g.n) % ${S - CORE} end, 'draait_op'
        from a_gem g, generate_series(1, ${A}) a, generate_series(0, 2) j
      union all select g.id, g.n, 'applicatie', a, 'applicatie', 1 + (a * 11 + j * 5) % ${HUBS}, 'gebruikt'
        from a_gem g, generate_series(1, ${A}) a, generate_series(0, 2) j where a > ${HUBS} or 1 + (a * 11 + j * 5) % ${HUBS} < a
      union all select g.id, g.n, 'applicatie', a, 'supplier', case when a <= ${HUBS} then 8 + a % 6 else 2 + (a * 3 + j * 17) % ${SUPPLIERS_PER_GEMEENTE - 1} end, 'geleverd_door'
        from a_gem g, generate_series(1, ${A}) a, generate_series(0, 1) j where j = 0 or (a % 2 = 0 and a > ${HUBS})
      union all select g.id, g.n, 'applicatie', a, 'gegevensverzameling', 1 + (a * 7) % ${D}, 'gebruikt' from a_gem g, generate_series(${HUBS + 1}, ${A}) a
      -- data set → its database server (a third of them replicated on a second one)
      union all select g.id, g.n, 'gegevensverzameling', d, 'systeem', ${CORE + 1} + (d * 3 + j * 7) % ${S - CORE}, 'draait_op'
        from a_gem g, generate_series(1, ${D}) d, generate_series(0, 1) j where j = 0 or d % 3 = 0
      -- system → 2 core systems (a ring among the core: a cycle) and the first server of its cluster of 5; hosting; maintenance vendor
      union all select g.id, g.n, 'systeem', s, 'systeem', 1 + s % ${CORE}, 'afhankelijk_van' from a_gem g, generate_series(1, ${CORE}) s
      union all select g.id, g.n, 'systeem', s, 'systeem',
             case when j < 2 then 1 + (s * (j + 1) + j) % ${CORE} else ${CORE + 1} + ((s - ${CORE + 1}) / 5) * 5 end, 'afhankelijk_van'
        from a_gem g, generate_series(${CORE + 1}, ${S}) s, generate_series(0, 2) j where j < 2 or (s - ${CORE + 1}) % 5 <> 0
      union all select g.id, g.n, 'systeem', s, 'supplier',
             case when (s <= ${CORE} and g.n % 3 = 1) or (s > ${CORE} and ((s * 37 + g.n * 11) % 100) < 2 + 3 * (g.n % 7)) then 1 else 2 + (s + g.n) % 4 end, 'gehost_bij'
        from a_gem g, generate_series(1, ${S}) s
      union all select g.id, g.n, 'systeem', s, 'supplier', 14 + (s * 13 + g.n) % 27, 'geleverd_door' from a_gem g, generate_series(1, ${S}) s
      -- OT → 2 systems (control), its location, its maintenance supplier (remote access)
      union all select g.id, g.n, 'ot', o, 'systeem', case when j = 0 then 1 else ${CORE + 1} + (o * 3) % ${S - CORE} end, 'afhankelijk_van'
        from a_gem g, generate_series(1, ${O}) o, generate_series(0, 1) j
      union all select g.id, g.n, 'ot', o, 'locatie', 1 + (o * 3) % ${L}, 'afhankelijk_van' from a_gem g, generate_series(1, ${O}) o
      union all select g.id, g.n, 'ot', o, 'supplier', 20 + o % 4, 'geleverd_door' from a_gem g, generate_series(1, ${O}) o
      -- joint arrangement → 2 suppliers; local supplier → 2 national parties (sub-contracting); the software vendors run their SaaS
      -- at a hosting party (two of them at the shared one); location → energy and telecom
      union all select g.id, g.n, 'ja', ja, 'supplier', 2 + (ja * 5 + j * 11) % ${SUPPLIERS_PER_GEMEENTE - 1}, 'uitbesteed_aan'
        from a_gem g, generate_series(1, ${JOINT_ARRANGEMENTS_PER_GEMEENTE}) ja, generate_series(0, 1) j
      union all select g.id, g.n, 'supplier', s, 'supplier', 2 + (s * 7 + j * 11) % 39, 'uitbesteed_aan'
        from a_gem g, generate_series(41, ${SUPPLIERS_PER_GEMEENTE}) s, generate_series(0, 1) j
      union all select g.id, g.n, 'supplier', s, 'supplier', case when s in (6, 7) then 1 else 2 + s % 4 end, 'uitbesteed_aan'
        from a_gem g, generate_series(6, 13) s
      union all select g.id, g.n, 'locatie', l, 'supplier', 14 + j, 'afhankelijk_van' from a_gem g, generate_series(1, ${L}) l, generate_series(0, 1) j`;
    await run(
      'dependencies',
      `
      insert into dependencies (organisation_id, from_type, from_id, to_type, to_id, kind, note, created_at)
      select e.org, f.type, f.id, t.type, t.id, e.kind, '', timestamptz '2023-03-01 09:00+01' + random() * interval '800 days'
      from (${edgeSql}) e
      join a_node f on f.org = e.org and f.nk = e.fk and f.k = e.fi
      join a_node t on t.org = e.org and t.nk = e.tk and t.k = e.ti
      where f.id <> t.id
      on conflict do nothing`,
    );

    // The maintained reach of every supplier (migration 0017): its triggers are off while loading
    // (session_replication_role = replica), so compute it as the triggers would, a few gemeenten at a time.
    await step('dependency reach', async () => {
      const orgs = rowsOf<{ id: string }>(await tx.execute(sql`select id from a_gem order by n`)).map((r) => r.id);
      for (let i = 0; i < orgs.length; i += 20) {
        await tx.execute(sql`select dependency_reach_refresh(${`{${orgs.slice(i, i + 20).join(',')}}`}::uuid[])`);
      }
    });

    // Risks: ~150 per gemeente on the default 5×5 matrix (bounds 4, 9, 16), with links, history and acceptances.
    const level = (l: string, i: string) => `case when ${l} * ${i} <= 4 then 'laag' when ${l} * ${i} <= 9 then 'midden' when ${l} * ${i} <= 16 then 'hoog' else 'kritiek' end`;
    const titles = (d: string) => `(${arr(Object.values(RISK_TITLES).flat())})[1 + ${Object.keys(RISK_TITLES).map((name, i) => `case when ${d} = ${lit(name)} then ${i * 5} else 0 end`).join(' + ')} + k % 5]`;
    await run(
      'risks',
      `
      create temp table a_risk_src on commit drop as
        with x as (
          select g.id as org, g.n, k, ${pick(DOMAIN_BY_20, 'k')} as domain,
                 1 + floor(random() * 5)::int as il, 1 + floor(random() * 5)::int as ii,
                 random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
          from a_gem g cross join generate_series(1, ${RISKS_PER_GEMEENTE}) k
        ), y as (
          select x.*,
                 case when r1 < 0.30 then 'open' when r1 < 0.70 then 'mitigate' when r1 < 0.80 then 'accept' when r1 < 0.92 then 'transfer' else 'avoid' end as treatment
          from x
        )
        select y.*,
               case when treatment = 'open' then il when treatment = 'avoid' then 1 else greatest(1, il - floor(r2 * 3)::int) end as rl,
               case when treatment in ('open', 'avoid') then ii when treatment = 'transfer' then greatest(1, ii - 2) else greatest(1, ii - floor(r3 * 2)::int) end as ri,
               case when r4 < 0.1 then 'closed' else 'open' end as status,
               timestamptz '2023-06-01 09:00+02' + r5 * interval '700 days' as created
        from y;
      insert into risks (organisation_id, ref, title, description, domain, owner_id, inherent_likelihood, inherent_impact, target_likelihood, target_impact,
                         residual_likelihood, residual_impact, residual_level, inherent_level, treatment, treatment_note, transferred_to, status, review_date,
                         created_at, updated_at)
      select r.org, 'R-' || lpad(r.k::text, 3, '0'), ${titles('r.domain')}, 'Beschreven in de risicosessie met het team; zie de gekoppelde objecten.',
             r.domain, o.user_id, r.il, r.ii,
             case when r.treatment = 'mitigate' then greatest(1, r.rl - 1) end, case when r.treatment = 'mitigate' then r.ri end,
             r.rl, r.ri, ${level('r.rl', 'r.ri')}, ${level('r.il', 'r.ii')}, r.treatment,
             case r.treatment when 'mitigate' then 'Maatregelen uit het informatiebeveiligingsplan.' when 'avoid' then 'Activiteit gestopt.' else '' end,
             case when r.treatment = 'transfer' then 'Verzekeraar' end,
             r.status,
             to_char(current_date + (floor(r.r3 * 400) - 60)::int, 'YYYY-MM-DD'),
             r.created, r.created + interval '60 days'
      from a_risk_src r left join a_owner o on o.organisation_id = r.org and o.idx = (r.k % o.cnt);
      create temp table a_risk on commit drop as
        select x.id, s.* from risks x join a_gem g on g.id = x.organisation_id
        join a_risk_src s on s.org = x.organisation_id and x.ref = 'R-' || lpad(s.k::text, 3, '0');
      analyze a_risk;
      insert into risk_score_history (organisation_id, risk_id, at, by_user_id, cause, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact,
                                      inherent_level, residual_level, domain, status)
      select r.org, r.id, r.created + h * interval '30 days', o.user_id,
             (array['create','edit','treatment'])[h + 1], r.il, r.ii,
             case when h = 2 then r.rl else r.il end, case when h = 2 then r.ri else r.ii end,
             ${level('r.il', 'r.ii')}, case when h = 2 then ${level('r.rl', 'r.ri')} else ${level('r.il', 'r.ii')} end, r.domain,
             case when h = 2 then r.status else 'open' end
      from a_risk r cross join generate_series(0, 2) h left join a_owner o on o.organisation_id = r.org and o.idx = 0;
      insert into risk_acceptances (organisation_id, risk_id, decided_by_user_id, decider_name, decider_function, authority_role, level, likelihood, impact,
                                    reason, valid_until, decided_at)
      select r.org, r.id, u.user_id, u.name, case when u.role = 'bestuurder' then 'burgemeester' else 'CISO' end, u.role,
             ${level('r.rl', 'r.ri')}, r.rl, r.ri, 'Maatregelen kosten meer dan het risico; opnieuw bekijken bij de volgende begroting.',
             to_char(current_date + (floor(r.r2 * 700) - 30)::int, 'YYYY-MM-DD'), r.created + interval '60 days'
      from a_risk r join a_role u on u.organisation_id = r.org and u.role = case when r.rl * r.ri > 9 then 'bestuurder' else 'ciso' end
      where r.treatment = 'accept'`,
    );
    await run(
      'risk links',
      `
      insert into risk_links (organisation_id, risk_id, target_type, target_id)
      select r.org, r.id, 'asset', a.id from a_risk r
      join a_asset a on a.org = r.org and a.kind = case r.domain when 'fysiek' then 'ot' when 'privacy' then 'gegevensverzameling' else 'proces' end
                     and a.k = 1 + r.k % (case r.domain when 'fysiek' then ${O} when 'privacy' then ${D} else ${P} end)
      union all
      select r.org, r.id, 'asset', a.id from a_risk r join a_asset a on a.org = r.org and a.kind = 'applicatie' and a.k = 1 + (r.k * 7) % ${A}
      where r.domain in ('digitaal', 'privacy', 'reputatie')
      union all
      select r.org, r.id, 'supplier', s.id from a_risk r join a_sup s on s.org = r.org and s.k = case when r.k % 10 = 0 then 1 else 2 + (r.k * 3) % ${SUPPLIERS_PER_GEMEENTE - 1} end
      where r.domain in ('digitaal', 'privacy', 'financieel')
      union all
      select r.org, r.id, 'joint_arrangement', j.id from a_risk r join a_ja j on j.org = r.org and j.k = 1 + r.k % ${JOINT_ARRANGEMENTS_PER_GEMEENTE}
      where r.domain = 'juridisch'
      on conflict do nothing`,
    );
    // Threats come from the catalog (when the risks module has loaded it); measures from the compliance part (when it ran).
    const [{ n: threatCount }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from threats`));
    if (threatCount > 0) {
      await run(
        'risk threats',
        `
        create temp table a_threat on commit drop as select id, (row_number() over (order by position, id) - 1)::int as idx from threats;
        insert into risk_threats (organisation_id, risk_id, threat_id)
        select r.org, r.id, t.id from a_risk r cross join generate_series(0, 1) j join a_threat t on t.idx = (r.k * 3 + j * 5) % ${threatCount}
        on conflict do nothing`,
      );
    }
    const [{ n: measureCount }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from measures`));
    if (measureCount > 0) {
      await run(
        'risk measures',
        `
        create temp table a_measure on commit drop as
          select m.id, m.organisation_id as org, (row_number() over (partition by m.organisation_id order by m.id) - 1)::int as idx,
                 count(*) over (partition by m.organisation_id)::int as cnt
          from measures m join a_gem g on g.id = m.organisation_id;
        insert into risk_measures (organisation_id, risk_id, measure_id)
        select r.org, r.id, m.id from a_risk r cross join generate_series(0, 2) j join a_measure m on m.org = r.org and m.idx = (r.k * 11 + j * 97) % m.cnt
        where r.treatment = 'mitigate'
        on conflict do nothing`,
      );
    }
  });

  await step('VACUUM ANALYZE', async () => {
    await database.executeSql('VACUUM (ANALYZE)');
    await database.executeSql('CHECKPOINT').catch(() => {});
  });

  const counts: Record<string, number> = {};
  for (const t of [
    'assets',
    'suppliers',
    'supplier_contracts',
    'processing_agreements',
    'supplier_certifications',
    'supplier_subprocessors',
    'joint_arrangements',
    'dependencies',
    'dependency_reach',
    'risks',
    'risk_links',
    'risk_score_history',
    'risk_acceptances',
    'risk_threats',
    'risk_measures',
  ]) {
    counts[t] = Number((await database.executeSql(`select count(*)::int as n from ${t}`)).rows[0].n);
  }
  for (const [t, min] of Object.entries(MIN)) if (counts[t] < min) throw new Error(`assets bench: ${counts[t]} ${t}, the issue asks for at least ${min}`);

  return { counts, steps, fkTriggers, ms: ms(t0), ...(await assetsExpectations(database, slug)) };
}

/** What the measured endpoints must answer, from the data (the reference for the cascades: plain set-based reachability). */
export async function assetsExpectations(database: Database, slug: string): Promise<Pick<AssetsWorld, 'slug' | 'sharedSupplierId' | 'linkPairs' | 'expect' | 'perGemeente'>> {
  const one = async (text: string) => (await database.executeSql(text)).rows[0];
  const org = `(select id from organisations where slug = ${lit(slug)})`;
  const { id: sharedSupplierId } = await one(`select id from suppliers where organisation_id = ${org} and registration_number = ${lit(SHARED_KVK)}`);
  const { n: assetsFiltered } = await one(`select count(*)::int as n from assets where organisation_id = ${org} and kind = 'applicatie' and personal_data and criticality = 'hoog'`);
  const { n: assetsSearch } = await one(`select count(*)::int as n from assets where organisation_id = ${org} and (name ilike '%server%' or description ilike '%server%' or vendor ilike '%server%' or product ilike '%server%')`);
  const { n: suppliersFiltered } = await one(`
    select count(*)::int as n from suppliers s where s.organisation_id = ${org} and s.processes_personal_data
      and not exists (select 1 from processing_agreements pa where pa.supplier_id = s.id and pa.signed)`);
  // The reference answer for the cascades: plain set-based reachability (UNION: every node once), no depth cap needed here.
  const reach = await database.executeSql(`
      with recursive r(org, id) as (
        select s.organisation_id, s.id from suppliers s where s.registration_number = ${lit(SHARED_KVK)}
        union
        select d.organisation_id, d.from_id from r join dependencies d on d.organisation_id = r.org and d.to_id = r.id
      ), per as (
        select g.id, count(a.id) as assets, count(a.id) filter (where a.kind = 'proces') as processes, count(r.id) as nodes
        from organisations g join r on r.org = g.id left join assets a on a.id = r.id and a.organisation_id = r.org
        where g.kind = 'gemeente' group by g.id
      )
      select count(*)::int as gemeenten, count(*) filter (where processes > 0)::int as hit, sum(processes)::int as processes,
             avg(assets)::float as assets_avg, max(assets)::int as assets_max, avg(processes)::float as processes_avg,
             (select nodes - 1 from per where id = ${org})::int as cascade_affected,
             (select processes from per where id = ${org})::int as cascade_processes
      from per`);
  const ref = reach.rows[0];
  const { n: risksFiltered } = await one(`select count(*)::int as n from risks where organisation_id = ${org} and status = 'open' and domain = 'digitaal' and residual_level = 'hoog'`);
  const { n: risksOpen } = await one(`select count(*)::int as n from risks where organisation_id = ${org} and status = 'open'`);
  // new edges for the write measurement: process i depends on local supplier i (no such edges are generated)
  const linkPairs = (
    await database.executeSql(`
      select p.id as "from", s.id as "to" from
        (select id, row_number() over (order by name, id) as i from assets where organisation_id = ${org} and kind = 'proces') p
        join (select id, row_number() over (order by registration_number) as i from suppliers where organisation_id = ${org} and registration_number like '6%') s on s.i = p.i
      where not exists (select 1 from dependencies d where d.organisation_id = ${org} and d.from_id = p.id and d.to_id = s.id)
      order by p.i`)
  ).rows as { from: string; to: string }[];
  return {
    slug,
    sharedSupplierId,
    linkPairs,
    expect: {
      assetsFiltered,
      assetsSearch,
      suppliersFiltered,
      acrossProcesses: ref.processes,
      acrossGemeenten: ref.gemeenten,
      acrossGemeentenHit: ref.hit,
      cascadeAffected: ref.cascade_affected,
      cascadeProcesses: ref.cascade_processes,
      risksFiltered,
      risksOpen,
    },
    perGemeente: { reachedAssetsAvg: ref.assets_avg, reachedAssetsMax: ref.assets_max, reachedProcessesAvg: ref.processes_avg },
  };
}

export interface Target {
  label: string;
  /** p95 target in ms; absent for a figure the issue sets no target for */
  target?: number;
  /** never worse than (max) */
  limit?: number;
}
export interface AssetsResult extends Measurement, Target {}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function download(url: string, cookie: string): Promise<{ status: number; body: Buffer; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, ms: ms(t0) };
}

async function upload(url: string, s: Session, body: Buffer): Promise<{ status: number; text: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX_TYPE, accept: 'application/json' }, body: new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, text, ms: ms(t0) };
}

/** The export with every description changed (so an import updates all rows), one version per iteration. */
async function editedCopies(file: Buffer, n: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as any);
    const ws = wb.getWorksheet('Objecten')!;
    let col = 0;
    ws.getRow(1).eachCell((c, k) => {
      if (String(c.value) === 'Omschrijving') col = k;
    });
    if (!col) throw new Error('export has no Omschrijving column');
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(col);
      cell.value = `${String(cell.value ?? '').replace(/ \(bijgewerkt \d+\)$/, '')} (bijgewerkt ${i + 1})`;
    }
    out.push(Buffer.from(await wb.xlsx.writeBuffer()));
  }
  return out;
}

/** Measures the targets of issue #5 over real HTTP. */
export async function measureAssets(base: string, aw: AssetsWorld): Promise<{ results: AssetsResult[]; notes: string[] }> {
  const api = `${base}/api/v1/organisations`;
  const { slug, expect } = aw;
  const admin = await signIn(base, `gebruiker01@${slug}.example`);
  const analist = await signIn(base, 'analist@csirt-gemeenten.example');
  const results: AssetsResult[] = [];
  const notes: string[] = [];

  results.push({
    ...(await measure(`1. assets, filtered: GET …/${slug}/assets?kind=applicatie&criticality=hoog&personalData=true`, `${api}/${slug}/assets?kind=applicatie&criticality=hoog&personalData=true&limit=50`, admin.cookie, (b) => {
      if (b.total !== expect.assetsFiltered || b.items.length !== Math.min(50, expect.assetsFiltered)) throw new Error(`asset filter: total ${b.total}, expected ${expect.assetsFiltered}`);
      if (!b.items.every((a: any) => a.kind === 'applicatie' && a.criticality === 'hoog' && a.personalData)) throw new Error('asset filter not applied');
    }, N)),
    target: 10,
    limit: 50,
  });
  const first = (await (await fetch(`${api}/${slug}/assets?q=server&limit=50`, { headers: { cookie: admin.cookie } })).json()) as any;
  if (first.total !== expect.assetsSearch) throw new Error(`asset search: total ${first.total}, expected ${expect.assetsSearch}`);
  const cursor = first.nextCursor ?? '';
  results.push({
    ...(await measure(`1b. assets, text search, 2nd page: …/assets?q=server&cursor=…`, `${api}/${slug}/assets?q=server&limit=50&cursor=${encodeURIComponent(cursor)}`, admin.cookie, (b) => {
      if (b.total !== expect.assetsSearch || !b.items.length) throw new Error(`asset search page 2: ${b.items.length} of ${b.total}`);
    }, N)),
    target: 10,
    limit: 50,
  });

  results.push({
    ...(await measure(
      `2. suppliers, filtered: GET …/${slug}/suppliers?processesPersonalData=true&warning=verwerkersovereenkomst_ontbreekt`,
      `${api}/${slug}/suppliers?processesPersonalData=true&warning=verwerkersovereenkomst_ontbreekt&limit=50`,
      admin.cookie,
      (b) => {
        if (b.total !== expect.suppliersFiltered) throw new Error(`supplier filter: total ${b.total}, expected ${expect.suppliersFiltered}`);
        if (!b.items.every((s: any) => s.warnings.some((w: any) => w.code === 'verwerkersovereenkomst_ontbreekt'))) throw new Error('supplier filter not applied');
      },
      N,
    )),
    target: 10,
    limit: 50,
  });
  results.push({
    ...(await measure(`2b. suppliers, first page: GET …/${slug}/suppliers?highRisk=false`, `${api}/${slug}/suppliers?highRisk=false&limit=50`, admin.cookie, (b) => {
      if (b.items.length !== 50 || b.items.some((s: any) => s.highRisk)) throw new Error('supplier page: unexpected');
    }, N)),
    target: 10,
    limit: 50,
  });

  // Risks: measured once the risk endpoints answer.
  const probe = await fetch(`${api}/${slug}/risk-overview`, { headers: { cookie: admin.cookie, accept: 'application/json' } });
  await probe.arrayBuffer();
  if (probe.status === 200) {
    results.push({
      ...(await measure(`3. risks, filtered: GET …/${slug}/risks?domain=digitaal&level=hoog`, `${api}/${slug}/risks?domain=digitaal&level=hoog&limit=50`, admin.cookie, (b) => {
        if (b.total !== expect.risksFiltered) throw new Error(`risk filter: total ${b.total}, expected ${expect.risksFiltered}`);
        if (!b.items.every((r: any) => r.domain === 'digitaal' && r.residual.level === 'hoog')) throw new Error('risk filter not applied');
      }, N)),
      target: 10,
      limit: 50,
    });
    results.push({
      ...(await measure(`3b. risks linked to the hosting party: …/risks?target=<supplier>`, `${api}/${slug}/risks?target=${aw.sharedSupplierId}&limit=50`, admin.cookie, (b) => {
        if (!b.items.length) throw new Error('no risks linked to the shared hosting party');
      }, N)),
      target: 10,
      limit: 50,
    });
    results.push({
      ...(await measure(`4. heat map: GET …/${slug}/risk-overview`, `${api}/${slug}/risk-overview`, admin.cookie, (b) => {
        const sum = (m: number[][]) => m.flat().reduce((s, x) => s + x, 0);
        if (sum(b.inherent) !== expect.risksOpen || sum(b.residual) !== expect.risksOpen) throw new Error(`heat map counts ${sum(b.inherent)}/${sum(b.residual)}, expected ${expect.risksOpen}`);
      }, N)),
      target: 10,
      limit: 50,
    });
  } else {
    notes.push(`risk list and heat map NOT measured: GET …/risk-overview answered ${probe.status} (the risk endpoints are not there yet)`);
  }

  // 5. The CSIRT view: the shared hosting party fails; every gemeente has it.
  const acrossUrl = `${api}/csirt-gemeenten/cascade/across?registrationNumber=${SHARED_KVK}&outageHours=${OUTAGE_HOURS}`;
  let acrossBytes = 0;
  results.push({
    ...(await timeRuns(`5. CSIRT cascade across ${expect.acrossGemeenten} gemeenten: GET …/csirt-gemeenten/cascade/across?registrationNumber=…`, N_HEAVY, WARMUP_HEAVY, async (_i, measured) => {
      const t0 = performance.now();
      const res = await fetch(acrossUrl, { headers: { cookie: analist.cookie, accept: 'application/json' } });
      const text = await res.text();
      const elapsed = ms(t0);
      if (res.status !== 200) throw new Error(`across: ${res.status} ${text.slice(0, 300)}`);
      if (!measured) {
        const b = JSON.parse(text);
        acrossBytes = text.length;
        const processes = b.items.reduce((s: number, i: any) => s + i.affectedProcesses, 0);
        const counted = b.items.reduce((s: number, i: any) => s + Object.values(i.statusCounts as Record<string, number>).reduce((x, y) => x + y, 0), 0);
        if (counted !== processes) throw new Error(`across: status counts add up to ${counted}, not ${processes}`);
        if (b.items.length !== expect.acrossGemeenten || processes !== expect.acrossProcesses)
          throw new Error(`across: ${b.items.length} gemeenten, ${processes} processes; expected ${expect.acrossGemeenten}, ${expect.acrossProcesses}`);
      }
      return elapsed;
    })),
    target: 200,
  });
  // 5e. The analyst opens one gemeente of that answer: all of its affected processes.
  results.push({
    ...(await timeRuns(`5e. CSIRT: one gemeente's full list in that cascade: GET …/cascade/across?registrationNumber=…&gemeente=${slug}`, N_HEAVY, WARMUP_HEAVY, async (_i, measured) => {
      const t0 = performance.now();
      const res = await fetch(`${acrossUrl}&gemeente=${slug}`, { headers: { cookie: analist.cookie, accept: 'application/json' } });
      const text = await res.text();
      const elapsed = ms(t0);
      if (res.status !== 200) throw new Error(`across one gemeente: ${res.status} ${text.slice(0, 300)}`);
      if (!measured) {
        const b = JSON.parse(text);
        if (b.items.length !== 1 || b.items[0].processes.length !== b.items[0].affectedProcesses || b.items[0].affectedProcesses === 0)
          throw new Error(`across one gemeente: ${b.items.length} items, ${b.items[0]?.processes.length} of ${b.items[0]?.affectedProcesses} processes`);
      }
      return elapsed;
    })),
  });
  notes.push(
    `CSIRT cascade: ${expect.acrossGemeenten} gemeenten have the hosting party, ${expect.acrossGemeentenHit} lose processes, ${expect.acrossProcesses} processes in all ` +
      `(per gemeente on average ${f2(aw.perGemeente.reachedAssetsAvg)} assets and ${f2(aw.perGemeente.reachedProcessesAvg)} processes reached, at most ${aw.perGemeente.reachedAssetsMax} assets); response ${(acrossBytes / 1e6).toFixed(2)} MB`,
  );

  results.push({
    ...(await timeRuns(`5b. one gemeente's cascade from the hosting party: GET …/${slug}/cascade?node=…`, N_HEAVY, WARMUP_HEAVY, async (_i, measured) => {
      const t0 = performance.now();
      const res = await fetch(`${api}/${slug}/cascade?node=${aw.sharedSupplierId}&outageHours=${OUTAGE_HOURS}`, { headers: { cookie: admin.cookie, accept: 'application/json' } });
      const text = await res.text();
      const elapsed = ms(t0);
      if (res.status !== 200) throw new Error(`cascade: ${res.status} ${text.slice(0, 300)}`);
      if (!measured) {
        const b = JSON.parse(text);
        if (b.affected.length !== expect.cascadeAffected || b.processes.length !== expect.cascadeProcesses)
          throw new Error(`cascade: ${b.affected.length} affected, ${b.processes.length} processes; expected ${expect.cascadeAffected}, ${expect.cascadeProcesses}`);
      }
      return elapsed;
    })),
  });
  notes.push(`${slug}: the cascade from the hosting party reaches ${expect.cascadeAffected} nodes, ${expect.cascadeProcesses} of them processes`);

  results.push({
    ...(await measure(`5c. concentration (suppliers by critical processes): GET …/${slug}/concentration`, `${api}/${slug}/concentration`, admin.cookie, (b) => {
      if (!b.items.length) throw new Error('no concentration');
    }, N_HEAVY)),
  });

  // 5d. A write in the largest graph: the maintained reach of the gemeente's suppliers is recomputed in the
  // same transaction (trigger on dependencies), so linking two nodes costs that too.
  const nLinks = Math.min(N_FILE * 2, aw.linkPairs.length - WARMUP_FILE);
  results.push({
    ...(await timeRuns(`5d. link a process to a supplier (reach kept in the same transaction): POST …/${slug}/dependencies`, nLinks, WARMUP_FILE, async (i, measured) => {
      const pair = aw.linkPairs[measured ? WARMUP_FILE + i : i];
      const t0 = performance.now();
      const res = await fetch(`${api}/${slug}/dependencies`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ from: { type: 'asset', id: pair.from }, to: { type: 'supplier', id: pair.to }, kind: 'afhankelijk_van' }),
      });
      const text = await res.text();
      const elapsed = ms(t0);
      if (res.status !== 201) throw new Error(`link: ${res.status} ${text.slice(0, 300)}`);
      return elapsed;
    })),
  });

  // 6. XLSX export of the gemeente's 450 assets.
  let exported: Buffer = Buffer.alloc(0);
  results.push({
    ...(await timeRuns(`6. XLSX export of ${ASSETS_PER_GEMEENTE} assets: GET …/${slug}/assets/export.xlsx`, N_FILE, WARMUP_FILE, async (_i, measured) => {
      const r = await download(`${api}/${slug}/assets/export.xlsx`, admin.cookie);
      if (r.status !== 200) throw new Error(`export: ${r.status}`);
      if (!measured) exported = r.body;
      return r.ms;
    })),
    target: 1000,
  });
  {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as any);
    const rows = wb.getWorksheet('Objecten')!.rowCount - 1;
    if (rows !== ASSETS_PER_GEMEENTE) throw new Error(`export has ${rows} rows, expected ${ASSETS_PER_GEMEENTE}`);
    notes.push(`export: ${rows} rows, ${(exported.length / 1024).toFixed(0)} KiB`);
  }

  // 7. The same file back: preview, then import (all or nothing), every row with a changed description.
  const files = await editedCopies(exported, WARMUP_FILE + N_FILE);
  const importUrl = (mode: string) => `${api}/${slug}/assets/import?mode=${mode}`;
  const checkImport = (text: string, mode: string) => {
    const b = JSON.parse(text);
    if (b.mode !== mode || b.summary.updated !== ASSETS_PER_GEMEENTE || b.summary.created !== 0) throw new Error(`${mode}: unexpected ${text.slice(0, 300)}`);
  };
  results.push({
    ...(await timeRuns(`7a. import preview of that file (${ASSETS_PER_GEMEENTE} rows changed): POST …/assets/import?mode=preview`, N_FILE, WARMUP_FILE, async (i, measured) => {
      const r = await upload(importUrl('preview'), admin, files[measured ? WARMUP_FILE + i : i]);
      if (r.status !== 200) throw new Error(`preview: ${r.status} ${r.text.slice(0, 300)}`);
      if (!measured) checkImport(r.text, 'preview');
      return r.ms;
    })),
    target: 2000,
  });
  results.push({
    ...(await timeRuns(`7b. import of that file (${ASSETS_PER_GEMEENTE} updates, all or nothing): POST …/assets/import?mode=import`, N_FILE, WARMUP_FILE, async (i, measured) => {
      const r = await upload(importUrl('import'), admin, files[measured ? WARMUP_FILE + i : i]);
      if (r.status !== 200) throw new Error(`import: ${r.status} ${r.text.slice(0, 300)}`);
      checkImport(r.text, 'import');
      return r.ms;
    })),
    target: 2000,
  });
  return { results, notes };
}

export function verdict(r: AssetsResult): string {
  if (r.limit !== undefined && r.max > r.limit) return 'OVER LIMIT';
  if (r.target === undefined) return 'no target';
  if (r.p95 > r.target) return 'over target';
  return 'OK';
}

export function assetsSummary(aw: AssetsWorld): string[] {
  return [
    `assets rows: ${Object.entries(aw.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`,
    `shared hosting party: ${SHARED_NAME} (KvK ${SHARED_KVK}) in all gemeenten; measured gemeente ${aw.slug}`,
    `assets load: ${(aw.ms / 1000).toFixed(1)} s${aw.fkTriggers ? '' : ' (foreign-key triggers skipped while loading)'}: ${aw.steps.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`,
  ];
}

