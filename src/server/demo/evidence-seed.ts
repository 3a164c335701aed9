import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../core/http/pipeline.js';
import { rowsOf } from '../core/db/rows.js';
import { DatabaseFileStorage } from '../core/storage/index.js';
import { createFileEvidence, createLinkEvidence } from '../modules/compliance/evidence.js';
import { recordSignals } from '../modules/compliance/signals.js';
import { remindOrganisation } from '../modules/compliance/evidence-reminders.js';
import { addDays, localDate } from '../../shared/dates.js';

interface DemoEvidence {
  measure: string;
  title: string;
  description: string;
  validFrom?: string;
  /** days from today; null: no end date */
  validDays: number | null;
  file?: { name: string; type: string; content: (g: { name: string; slug: string }) => string };
  url?: (slug: string) => string;
  /** also link it to this measure's first BIO2 requirement in the open year */
  assessment?: boolean;
}

const EVIDENCE: DemoEvidence[] = [
  {
    measure: 'Informatiebeveiligingsbeleid',
    title: 'Informatiebeveiligingsbeleid 2025–2028',
    description: 'Door het college vastgesteld beleid, met de rollen van CISO en privacy officer.',
    validFrom: '2025-01-01',
    validDays: 900,
    file: {
      name: 'informatiebeveiligingsbeleid-2025-2028.txt',
      type: 'text/plain',
      content: (g) =>
        `${g.name} — Informatiebeveiligingsbeleid 2025–2028\n\nVastgesteld door het college op 14 januari 2025.\n\n1. Doel\nDe gemeente beschermt de informatie van inwoners en bedrijven volgens de BIO2.\n2. Rollen\nDe CISO adviseert het college en rapporteert elk kwartaal.\n3. Herziening\nDit beleid wordt jaarlijks getoetst en uiterlijk in 2028 herzien.\n`,
    },
    assessment: true,
  },
  {
    measure: 'Back-up en herstel',
    title: 'Verslag hersteltest back-ups (kwartaal 3)',
    description: 'Volledige hersteltest van de zaaksysteemdatabase; hersteltijd en bevindingen.',
    validDays: 18,
    file: {
      name: 'hersteltest-back-up-q3.csv',
      type: 'text/csv',
      content: () =>
        'systeem;datum;hersteltijd_minuten;geslaagd\nzaaksysteem;2025-09-12;47;ja\nbestandsserver;2025-09-12;22;ja\nmailarchief;2025-09-13;95;deels\n',
    },
    assessment: true,
  },
  {
    measure: 'Bewustwording en training',
    title: 'Resultaten phishingoefening',
    description: 'Klikpercentage per afdeling bij de oefening van dit voorjaar.',
    validDays: 200,
    file: {
      name: 'phishingoefening-resultaten.csv',
      type: 'text/csv',
      content: () => 'afdeling;ontvangen;geklikt;gemeld\nBurgerzaken;64;7;21\nRuimte;48;3;19\nSociaal domein;81;11;25\nBedrijfsvoering;57;2;30\n',
    },
  },
  {
    measure: 'Leveranciersmanagement',
    title: 'ISO 27001-certificaat hostingpartij',
    description: 'Certificaat van de leverancier van de hostingdienst; het nieuwe certificaat is opgevraagd.',
    validDays: -12,
    url: () => 'https://hostingpartij.example/certificaten/iso27001',
  },
  {
    measure: 'Patch- en kwetsbaarhedenbeheer',
    title: 'Pentestrapport webportaal',
    description: 'Rapport van de jaarlijkse pentest op het webportaal voor inwoners.',
    validDays: 25,
    url: (slug) => `https://intranet.${slug}.example/beveiliging/pentest-webportaal`,
    assessment: true,
  },
  {
    measure: 'Bedrijfscontinuïteit en uitwijk',
    title: 'Oefenverslag uitwijk met de veiligheidsregio',
    description: 'Verslag van de uitwijkoefening, met verbeterpunten.',
    validDays: 300,
    url: (slug) => `https://intranet.${slug}.example/bcm/oefenverslag-uitwijk`,
  },
  {
    measure: 'Logging en monitoring',
    title: 'Dienstbeschrijving SOC-dienst van de regio',
    description: 'Afspraken over logbronnen, alarmering en rapportage.',
    validDays: null,
    url: (slug) => `https://intranet.${slug}.example/contracten/soc-dienst`,
  },
];

/**
 * Evidence for a demo gemeente, through the real use cases: small generated files (kept in the
 * database: the demo seed has no data folder at hand, and keys say where their content lives) and
 * links, some soon to expire and one expired; a scanner that sees one measure fail (red) and another
 * pass; and the reminders the daily job would send today.
 */
export async function seedEvidence(ctx: OrgCtx) {
  const { tx, org } = ctx;
  const today = localDate();
  const storage = new DatabaseFileStorage();
  const measures = new Map(
    rowsOf<{ id: string; title: string; requirementId: string | null }>(
      await tx.execute(sql`
        select m.id, m.title,
               (select mr.requirement_id from measure_requirements mr join requirements r on r.id = mr.requirement_id
                where mr.measure_id = m.id and r.framework_id = 'weerbaar:bio2' order by r.position limit 1) as "requirementId"
        from measures m where m.organisation_id = ${org.id}`),
    ).map((m) => [m.title, m]),
  );
  const [open] = rowsOf<{ year: number }>(
    await tx.execute(sql`select year::int as year from assessment_years where organisation_id = ${org.id} and signed_at is null order by year desc limit 1`),
  );
  for (const e of EVIDENCE) {
    const m = measures.get(e.measure);
    if (!m) continue;
    const target = {
      measureId: m.id,
      ...(e.assessment && open && m.requirementId ? { year: open.year, requirementId: m.requirementId } : {}),
    };
    const validity = { validFrom: e.validFrom, validUntil: e.validDays === null ? undefined : addDays(today, e.validDays) };
    if (e.file) {
      const staged = await storage.stage(Buffer.from(e.file.content(org), 'utf8'), 1024 * 1024);
      await createFileEvidence(ctx, { staged, fileName: e.file.name, mediaType: e.file.type, fields: { title: e.title, description: e.description, ...validity, ...target } });
      await staged.finish(true);
    } else if (e.url) {
      await createLinkEvidence(ctx, { title: e.title, url: e.url(org.slug), description: e.description, ...validity, ...target });
    }
  }
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
  const patching = measures.get('Patch- en kwetsbaarhedenbeheer');
  const mfa = measures.get('Tweefactorauthenticatie');
  const host = `www.${org.slug}.example`;
  const observations = [
    ...(patching
      ? [
          { measureId: patching.id, source: 'weerbaar-scanner', check: 'tls-certificaat geldig', passed: true, observedAt: at(26), details: { host } },
          { measureId: patching.id, source: 'weerbaar-scanner', check: 'software actueel', passed: true, observedAt: at(26), details: { host } },
          { measureId: patching.id, source: 'weerbaar-scanner', check: 'tls-certificaat geldig', passed: true, observedAt: at(2), details: { host } },
          { measureId: patching.id, source: 'weerbaar-scanner', check: 'software actueel', passed: false, observedAt: at(2), details: { host, product: 'webserver 2.4.49', advisory: 'NCSC-2021-0823' } },
        ]
      : []),
    ...(mfa ? [{ measureId: mfa.id, source: 'weerbaar-scanner', check: 'MFA afgedwongen op VPN-toegang', passed: true, observedAt: at(3), details: { host: `vpn.${org.slug}.example` } }] : []),
  ];
  if (observations.length) await recordSignals(ctx, observations);
  await remindOrganisation(tx, org, today);
}
