import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { seedCtx } from './context.js';
import { addDays, localDate } from '../../shared/dates.js';
import { createMeasure } from '../modules/compliance/manage-measures.js';
import { createYear, signYear } from '../modules/compliance/assessment-years.js';
import { bulkUpdate } from '../modules/compliance/assessments.js';
import { seedEvidence } from './evidence-seed.js';

/** Measures a gemeente typically has, with the ISO/IEC 27002 controls (and Cbw duties) they answer. */
const MEASURES: { title: string; description: string; iso: string[]; cbw?: string[]; status: string }[] = [
  { title: 'Informatiebeveiligingsbeleid', description: 'Door het college vastgesteld beleid, jaarlijks herzien door de CISO.', iso: ['5.1', '5.2', '5.4'], cbw: ['21.2.a'], status: 'geimplementeerd' },
  { title: 'Toegangsbeheer en autorisaties', description: 'Rollen per applicatie, periodieke controle van rechten, direct intrekken bij uitdiensttreding.', iso: ['5.15', '5.16', '5.17', '5.18', '8.2', '8.3', '8.5'], cbw: ['21.2.i'], status: 'geimplementeerd' },
  { title: 'Leveranciersmanagement', description: 'Beveiligingseisen in contracten, verwerkersovereenkomsten en jaarlijkse evaluatie.', iso: ['5.19', '5.20', '5.21', '5.22', '5.23'], cbw: ['21.2.d'], status: 'in_uitvoering' },
  { title: 'Incidentbeheer en meldprocedure', description: 'Meldpunt, triage, melding aan CSIRT en AP binnen de wettelijke termijnen.', iso: ['5.24', '5.25', '5.26', '5.27', '5.28', '6.8'], cbw: ['21.2.b'], status: 'geimplementeerd' },
  { title: 'Bedrijfscontinuïteit en uitwijk', description: 'BIA per kritiek proces, uitwijkafspraken en jaarlijkse oefening met de veiligheidsregio.', iso: ['5.29', '5.30', '8.14'], cbw: ['21.2.c'], status: 'in_uitvoering' },
  { title: 'Back-up en herstel', description: 'Dagelijkse back-ups, offline kopie, kwartaaltest van herstel.', iso: ['8.13'], cbw: ['21.2.c'], status: 'geimplementeerd' },
  { title: 'Patch- en kwetsbaarhedenbeheer', description: 'Maandelijkse patchronde, kritieke patches binnen 72 uur, advisories van de IBD opgevolgd.', iso: ['8.8', '8.19'], cbw: ['21.2.e'], status: 'geimplementeerd' },
  { title: 'Logging en monitoring', description: 'Centrale logverzameling, SOC-dienst van de regio, alarmering buiten kantoortijd.', iso: ['8.15', '8.16', '8.17'], status: 'in_uitvoering' },
  { title: 'Bewustwording en training', description: 'E-learning voor alle medewerkers, phishingoefeningen, training voor bestuurders.', iso: ['6.3'], cbw: ['21.2.g'], status: 'geimplementeerd' },
  { title: 'Versleuteling', description: 'Versleutelde laptops en verbindingen, sleutelbeheer bij de regionale ICT-dienst.', iso: ['8.24'], cbw: ['21.2.h'], status: 'geimplementeerd' },
  { title: 'Netwerkbeveiliging en segmentatie', description: 'Gescheiden netwerken voor kantoor, OT (gemalen, bruggen) en gasten; firewallbeheer.', iso: ['8.20', '8.21', '8.22'], status: 'gepland' },
  { title: 'Tweefactorauthenticatie', description: 'MFA op alle toegang van buitenaf en op beheeraccounts.', iso: ['8.5'], cbw: ['21.2.j'], status: 'geimplementeerd' },
  { title: 'Fysieke beveiliging stadhuis', description: 'Toegangspassen, bezoekersregistratie, afgesloten serverruimte.', iso: ['7.1', '7.2', '7.3', '7.4'], status: 'geimplementeerd' },
  { title: 'Veilig ontwikkelen en inkopen van software', description: 'Beveiligingseisen bij aanbesteding, pentest voor livegang.', iso: ['8.25', '8.26', '8.28', '8.29'], cbw: ['21.2.e'], status: 'gepland' },
];

const norm = (ref: string) => ref.replace(/^A\./i, '').split('.').map((x) => String(Number(x))).join('.');
/** Deterministic per requirement: the same demo every time. */
const roll = (key: string) => crypto.createHash('sha256').update(key).digest()[0] / 256;

/**
 * A realistic compliance picture for each demo gemeente: measures linked to BIO2 and the Cbw duty of
 * care, a signed 2025 year, and a half-filled 2026 year copied from it. Uses the real use cases.
 */
export async function seedCompliance(database: Database) {
  const frameworks = rowsOf<{ id: string }>(await database.db.execute(sql`select id from frameworks`)).map((f) => f.id);
  const scope = ['weerbaar:bio2', 'weerbaar:cbw-nis2', 'weerbaar:avg'].filter((f) => frameworks.includes(f));
  if (!scope.includes('weerbaar:bio2')) return;
  const bio = rowsOf<{ ref: string; iso: string }>(
    await database.db.execute(sql`select ref, iso_control as iso from requirements where framework_id = 'weerbaar:bio2' and assessable and status = 'active' and iso_control is not null`),
  );
  const cbwRefs = new Set(rowsOf<{ ref: string }>(await database.db.execute(sql`select ref from requirements where framework_id = 'weerbaar:cbw-nis2' and assessable`)).map((r) => r.ref));
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string; burgemeester: string }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name,
             (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso,
             (select u.id from users u where u.email = 'burgemeester@' || o.slug || '.example') as burgemeester
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  for (const g of gemeenten) {
    if (!g.ciso || !g.burgemeester) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const ctx = seedCtx(tx, g, g.ciso, 'demodataset');
      for (const m of MEASURES) {
        const isoSet = new Set(m.iso.map(norm));
        const links = [
          ...bio.filter((r) => isoSet.has(norm(r.iso))).map((r) => ({ framework: 'weerbaar:bio2', ref: r.ref, coverage: 'full' as const })),
          ...(m.cbw ?? []).filter((c) => cbwRefs.has(c)).map((c) => ({ framework: 'weerbaar:cbw-nis2', ref: c, coverage: 'partial' as const })),
        ];
        const status = g.slug === 'oostbroek' && m.status === 'geimplementeerd' && roll(g.slug + m.title) < 0.4 ? 'in_uitvoering' : m.status;
        await createMeasure(ctx, { title: m.title, description: m.description, ownerId: g.ciso, status, requirements: links });
      }
      await createYear(ctx, { year: 2025, frameworks: scope });
      const rows = rowsOf<{ id: string; ref: string; framework: string }>(
        await tx.execute(sql`select a.requirement_id as id, r.ref, a.framework_id as framework from requirement_assessments a
                             join requirements r on r.id = a.requirement_id join assessment_years y on y.id = a.year_id
                             where y.organisation_id = ${g.id} and y.year = 2025`),
      );
      const bucket = (year: number, f: (x: number) => string | null) => {
        const groups = new Map<string, string[]>();
        for (const r of rows) {
          const result = f(roll(`${g.slug}:${year}:${r.framework}:${r.ref}`));
          if (result) groups.set(result, [...(groups.get(result) ?? []), r.id]);
        }
        return groups;
      };
      const level = g.slug === 'zuidhaven' ? 0.7 : g.slug === 'noorderveld' ? 0.55 : 0.4;
      for (const [result, ids] of bucket(2025, (x) => (x < level ? 'voldoet' : x < level + 0.2 ? 'voldoet_deels' : 'voldoet_niet'))) {
        await bulkUpdate(ctx, 2025, ids, { result, explanation: result === 'voldoet' ? 'Aangetoond met beleid en steekproef.' : 'Verbetering opgenomen in het jaarplan.' });
      }
      await signYear(ctx, 2025, {
        signerName: `Burgemeester van ${g.name.replace('Gemeente ', '')}`,
        signerFunction: 'burgemeester, namens het college',
        statement: `Het college van ${g.name} verklaart dat de zelfevaluatie over 2025 naar waarheid en volgens de ENSIA-systematiek is opgesteld.`,
      });
      await createYear(ctx, { year: 2026, copyFrom: 2025 });
      // half of the 2026 year still to be assessed; some improvements, a few slips
      for (const [result, ids] of bucket(2026, (x) => (x < 0.5 ? 'niet_beoordeeld' : x < 0.6 ? 'voldoet' : x < 0.65 ? 'voldoet_niet' : null))) {
        await bulkUpdate(ctx, 2026, ids, { result });
      }
      // what still fails gets an owner and a due date; a few of those dates have already passed
      const failing = rowsOf<{ id: string }>(
        await tx.execute(sql`select a.requirement_id as id from requirement_assessments a join assessment_years y on y.id = a.year_id
                             where y.organisation_id = ${g.id} and y.year = 2026 and a.result = 'voldoet_niet' order by a.requirement_id`),
      ).map((r) => r.id);
      const today = localDate();
      if (failing.length) {
        await bulkUpdate(ctx, 2026, failing.slice(0, 3), { ownerId: g.ciso, dueDate: addDays(today, -14) });
        if (failing.length > 3) await bulkUpdate(ctx, 2026, failing.slice(3), { ownerId: g.ciso, dueDate: addDays(today, 75) });
      }
      await seedEvidence(ctx);
      await ctx.audit.flush(tx);
    });
  }
}
