import { sql } from 'drizzle-orm';
import { tenantTx, type Database, type Executor } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { addDays, localDate } from '../../shared/dates.js';
import { mitigatedResidual, rescale, riskLevel, type RiskDomain, type RiskMatrix } from '../../shared/risk-matrix.js';
import { loadThreats } from '../modules/risks/load-threats.js';
import { createRisk } from '../modules/risks/manage-risks.js';
import { acceptRisk } from '../modules/risks/acceptance.js';
import { putMatrix } from '../modules/risks/matrix.js';
import { createDpia, createDpiaRisk } from '../modules/risks/dpias.js';
import { seedCtx } from './context.js';

/*
 * The demo risk register of each demo gemeente, through the real use cases: risks in all six domains,
 * linked to the demo assets (processes, the bridge, the pumping station), to the shared hosting party
 * Kustnet Datacenters, to threats and to the compliance measures (mitigated risks partly done, so the
 * residual sits between inherent and target). Zuidhaven: a risk accepted by the burgemeester, an
 * acceptance that ends within 30 days, a review that is overdue and two DPIAs (one with a privacy risk).
 * Oostbroek uses its own 4×4 matrix. The history is backdated over the past year, so the trend shows the
 * register growing and the residual risk coming down.
 */

type Owner = 'ciso' | 'fg' | 'oov';
type Pair = [number, number];

interface Spec {
  title: string;
  description: string;
  domain: RiskDomain;
  owner: Owner;
  inherent: Pair;
  treatment: 'open' | 'mitigate' | 'transfer' | 'avoid';
  /** open, transfer, avoid: the residual now (default: the inherent) */
  residual?: Pair;
  /** mitigate: where the measures take it */
  target?: Pair;
  treatmentNote?: string;
  transferredTo?: string;
  measures?: string[];
  /** asset names; '@brug' and '@gemaal' are the gemeente's bridge and pumping station */
  assets?: string[];
  suppliers?: string[];
  arrangements?: string[];
  threats: string[];
  /** when it entered the register */
  monthsAgo: number;
  /** review date, days from today */
  review: number;
  /** per gemeente a different picture */
  per?: Record<string, Partial<Spec>>;
}

const KUSTNET = 'Kustnet Datacenters B.V.';

const RISKS: Spec[] = [
  {
    title: 'Ransomware legt kantoorautomatisering en zaaksysteem stil',
    description: 'Een aanvaller versleutelt de servers in het datacenter en de back-ups die online staan; zaakgericht werken, e-mail en de sociale applicaties liggen dagen tot weken stil.',
    domain: 'digitaal',
    owner: 'ciso',
    inherent: [4, 5],
    treatment: 'mitigate',
    target: [2, 3],
    treatmentNote: 'Offline back-ups en herstel getest; segmentatie en 24/7-monitoring in uitvoering.',
    measures: ['Back-up en herstel', 'Patch- en kwetsbaarhedenbeheer', 'Logging en monitoring', 'Netwerkbeveiliging en segmentatie'],
    assets: ['Virtualisatieplatform', 'Applicatieservers Windows', 'Open Zaak', 'Uitkeringen verstrekken (Participatiewet)'],
    suppliers: [KUSTNET, 'ICT Samenwerking Kustland'],
    threats: ['ransomware', 'phishing', 'misbruik-kwetsbaarheid'],
    monthsAgo: 11,
    review: 75,
  },
  {
    title: 'Uitval van Kustnet Datacenters treft alle gehoste processen',
    description: 'Het datacenter waar de servers en de back-upopslag van de gemeente staan valt uit (stroom, brand, faillissement). Uitkeringen, vergunningen en afvalinzameling hangen ervan af.',
    domain: 'digitaal',
    owner: 'ciso',
    inherent: [3, 5],
    treatment: 'mitigate',
    target: [1, 3],
    treatmentNote: 'Uitwijk naar het datacenter van ICT Samenwerking Kustland; de jaarlijkse uitwijktest staat gepland.',
    measures: ['Bedrijfscontinuïteit en uitwijk', 'Back-up en herstel'],
    assets: ['Virtualisatieplatform', 'Uitkeringen verstrekken (Participatiewet)', 'Vergunningen (omgevingswet)', 'Afvalinzameling'],
    suppliers: [KUSTNET],
    threats: ['uitval-leverancier', 'stroomuitval', 'hardware-storing'],
    monthsAgo: 10,
    review: 120,
  },
  {
    title: 'Aanval op de besturing van brug en gemaal via toegang op afstand',
    description: 'De storingsdienst van de leverancier heeft toegang op afstand tot de SCADA-omgeving, deels vanuit een land met een offensief cyberprogramma. Een aanvaller kan de brug of het gemaal bedienen of stilleggen.',
    domain: 'digitaal',
    owner: 'oov',
    inherent: [3, 5],
    treatment: 'mitigate',
    target: [1, 4],
    treatmentNote: 'Toegang op afstand alleen met MFA en op afroep; scheiding van het OT-netwerk is gepland.',
    measures: ['Netwerkbeveiliging en segmentatie', 'Tweefactorauthenticatie'],
    assets: ['@brug', '@gemaal', 'SCADA bediening bruggen en gemalen', 'Waterkering en gemalen bedienen'],
    suppliers: ['Polderflow Automation B.V.'],
    threats: ['aanval-ot', 'spionage', 'verwerking-buiten-eer'],
    monthsAgo: 9,
    review: 45,
  },
  {
    title: 'Gemaal valt uit bij hoogwater',
    description: 'Bij extreme neerslag moet het gemaal dag en nacht draaien. Een storing in besturing of stroomvoorziening betekent wateroverlast in de laaggelegen wijken.',
    domain: 'fysiek',
    owner: 'oov',
    inherent: [2, 5],
    treatment: 'open',
    residual: [2, 4],
    treatmentNote: 'Er staat een noodstroomaggregaat; afspraken met het waterschap over bijstand worden gemaakt.',
    assets: ['@gemaal', 'Waterkering en gemalen bedienen', 'Gemeentewerf'],
    threats: ['hoogwater', 'stroomuitval', 'extreem-weer'],
    monthsAgo: 8,
    review: 160,
  },
  {
    title: 'Brug blijft na een storing open staan',
    description: 'Een fout in de besturing of een mislukte update laat de brug openstaan; verkeer en hulpdiensten moeten kilometers omrijden.',
    domain: 'fysiek',
    owner: 'oov',
    inherent: [3, 3],
    treatment: 'open',
    treatmentNote: 'Handbediening ter plaatse is mogelijk; de besturing is verouderd.',
    assets: ['@brug', 'SCADA bediening bruggen en gemalen'],
    suppliers: ['Polderflow Automation B.V.'],
    threats: ['softwarefout', 'verouderde-systemen'],
    monthsAgo: 7,
    review: 30,
    per: { zuidhaven: { review: -12 } },
  },
  {
    title: 'Cliëntgegevens sociaal domein naar de verkeerde ontvanger',
    description: 'Een beschikking of rapportage met bijzondere persoonsgegevens gaat naar de verkeerde inwoner of zorgaanbieder.',
    domain: 'privacy',
    owner: 'fg',
    inherent: [4, 3],
    treatment: 'mitigate',
    target: [2, 3],
    measures: ['Bewustwording en training', 'Toegangsbeheer en autorisaties'],
    assets: ['Cliëntdossiers sociaal domein', 'Jeugdhulp en Wmo-voorzieningen', 'Suite4SociaalDomein'],
    threats: ['verkeerde-ontvanger', 'onvoldoende-bewustzijn'],
    monthsAgo: 11,
    review: 90,
  },
  {
    title: 'Onbevoegde raadpleging van de BRP door medewerkers',
    description: 'Medewerkers zoeken uit nieuwsgierigheid bekenden of bekende Nederlanders op in de basisregistratie personen.',
    domain: 'privacy',
    owner: 'fg',
    inherent: [3, 4],
    treatment: 'mitigate',
    target: [1, 4],
    measures: ['Toegangsbeheer en autorisaties', 'Logging en monitoring'],
    assets: ['Basisregistratie Personen (BRP)', 'iBurgerzaken'],
    threats: ['misbruik-bevoegdheden'],
    monthsAgo: 6,
    review: 100,
  },
  {
    title: 'Burgerzaken Online laat gegevens verwerken buiten de EER',
    description: 'De leverancier van het burgerzakenplatform verwerkt gegevens ook in Ierland en schakelt subverwerkers in; niet alle afspraken over doorgifte zijn bekend.',
    domain: 'privacy',
    owner: 'fg',
    inherent: [2, 4],
    treatment: 'open',
    assets: ['iBurgerzaken', 'Paspoorten en rijbewijzen'],
    suppliers: ['Burgerzaken Online B.V.', KUSTNET],
    threats: ['verwerking-buiten-eer', 'onvoldoende-afspraken'],
    monthsAgo: 5,
    review: 60,
    per: { noorderveld: { inherent: [4, 4], description: 'De verwerkersovereenkomst met de leverancier van het burgerzakenplatform is nog niet getekend; over subverwerkers en doorgifte buiten de EER is niets vastgelegd.' } },
  },
  {
    title: 'Incident niet op tijd gemeld onder de Cyberbeveiligingswet',
    description: 'Een significant incident wordt niet binnen 24 uur aan het CSIRT gemeld; de gemeente schendt de meldplicht en de bestuurders zijn aansprakelijk.',
    domain: 'juridisch',
    owner: 'ciso',
    inherent: [3, 4],
    treatment: 'mitigate',
    target: [1, 4],
    measures: ['Incidentbeheer en meldprocedure'],
    threats: ['onvoldoende-bewustzijn'],
    monthsAgo: 4,
    review: 150,
  },
  {
    title: 'Beslistermijn omgevingsvergunningen verstreken door uitval zaaksysteem',
    description: 'Bij langdurige uitval van het zaaksysteem of van de koppeling met het Omgevingsloket verstrijken beslistermijnen; aanvragers kunnen in beroep of een dwangsom eisen.',
    domain: 'juridisch',
    owner: 'fg',
    inherent: [2, 3],
    treatment: 'open',
    assets: ['Vergunningen (omgevingswet)', 'Open Zaak'],
    arrangements: ['Omgevingsdienst Kust'],
    threats: ['softwarefout', 'uitval-leverancier'],
    monthsAgo: 3,
    review: 200,
  },
  {
    title: 'Betalingsfraude met een vervalst verzoek om een rekeningnummer te wijzigen',
    description: 'Een crimineel doet zich voor als leverancier of wethouder en laat een betaling naar een andere rekening overmaken.',
    domain: 'financieel',
    owner: 'ciso',
    inherent: [3, 4],
    treatment: 'transfer',
    residual: [3, 2],
    transferredTo: 'Cyberverzekering (polis van de gemeente)',
    treatmentNote: 'De verzekering dekt de schade boven het eigen risico; terugbelprocedure bij wijziging van rekeningnummers.',
    threats: ['betalingsfraude', 'phishing'],
    monthsAgo: 10,
    review: 180,
  },
  {
    title: 'Uitkeringen niet op tijd betaald door uitval van de sociale applicaties',
    description: 'Als de applicatie of het datacenter rond de betaalrun uitvalt, krijgen inwoners hun bijstand niet vóór de eerste van de maand.',
    domain: 'financieel',
    owner: 'ciso',
    inherent: [2, 5],
    treatment: 'mitigate',
    target: [1, 4],
    measures: ['Bedrijfscontinuïteit en uitwijk', 'Back-up en herstel'],
    assets: ['Uitkeringen verstrekken (Participatiewet)', 'Suite4SociaalDomein'],
    suppliers: [KUSTNET],
    arrangements: ['Sociale Dienst Kust'],
    threats: ['uitval-leverancier', 'hardware-storing'],
    monthsAgo: 9,
    review: 110,
  },
  {
    title: 'Eén leverancier voor het hele sociaal domein (vendor lock-in)',
    description: 'Alle processen van het sociaal domein draaien op één pakket; overstappen kost jaren en een aanbesteding. Prijs en kwaliteit zijn nauwelijks af te dwingen.',
    domain: 'financieel',
    owner: 'ciso',
    inherent: [3, 4],
    treatment: 'open',
    assets: ['Suite4SociaalDomein'],
    arrangements: ['Sociale Dienst Kust'],
    threats: ['leveranciersafhankelijkheid'],
    monthsAgo: 8,
    review: 300,
  },
  {
    title: 'Website en e-loket onbereikbaar door een DDoS-aanval',
    description: 'Tijdens verkiezingen of een maatschappelijke discussie maken hacktivisten de website en de online formulieren onbereikbaar.',
    domain: 'reputatie',
    owner: 'ciso',
    inherent: [3, 3],
    treatment: 'open',
    assets: ['Open Formulieren'],
    suppliers: [KUSTNET],
    threats: ['ddos'],
    monthsAgo: 12,
    review: 250,
  },
  {
    title: 'Camerabeelden uit het convenant Veilig Ondernemen uitgelekt',
    description: 'Gedeelde camerabeelden van bedrijventerreinen komen buiten de partners van het convenant terecht door een verkeerd ingestelde deelmap.',
    domain: 'reputatie',
    owner: 'fg',
    inherent: [2, 3],
    treatment: 'open',
    arrangements: ['Convenant Veilig Ondernemen Kust'],
    threats: ['configuratiefout'],
    monthsAgo: 5,
    review: 140,
  },
  {
    title: 'Overname van een beheeraccount na phishing',
    description: 'Een beheerder van de regionale ICT-dienst geeft zijn inloggegevens af; de aanvaller krijgt toegang tot alle systemen van de gemeente.',
    domain: 'digitaal',
    owner: 'ciso',
    inherent: [4, 4],
    treatment: 'mitigate',
    target: [2, 2],
    measures: ['Tweefactorauthenticatie', 'Bewustwording en training', 'Toegangsbeheer en autorisaties'],
    assets: ['Firewall en VPN-gateway', 'E-mail (Exchange)'],
    suppliers: ['ICT Samenwerking Kustland'],
    threats: ['phishing', 'misbruik-bevoegdheden'],
    monthsAgo: 11,
    review: 130,
  },
  {
    title: 'Brand in de serverruimte van het stadskantoor',
    description: 'Brand of rook in de serverruimte treft de netwerkapparatuur en de lokale systemen; het stadskantoor kan dagen niet werken.',
    domain: 'fysiek',
    owner: 'oov',
    inherent: [1, 5],
    treatment: 'mitigate',
    target: [1, 3],
    measures: ['Fysieke beveiliging stadhuis', 'Back-up en herstel'],
    assets: ['Stadskantoor', 'Firewall en VPN-gateway'],
    threats: ['brand'],
    monthsAgo: 7,
    review: 220,
  },
];

/** Oostbroek's own 4×4 matrix. */
const OOSTBROEK_MATRIX: RiskMatrix = {
  likelihoodLabels: ['Onwaarschijnlijk', 'Mogelijk', 'Waarschijnlijk', 'Vrijwel zeker'],
  impactLabels: ['Beperkt', 'Merkbaar', 'Ernstig', 'Ontwrichtend'],
  levelBounds: [4, 8, 12],
  acceptanceRoles: { laag: ['ciso', 'privacy'], midden: ['ciso'], hoog: ['bestuurder'], kritiek: ['bestuurder'] },
};

const DAY = 86_400_000;

/** Moves a freshly created risk's history back in time and adds the steps by which it came down. */
async function backdate(
  tx: Executor,
  matrix: Pick<RiskMatrix, 'levelBounds'>,
  risk: { id: string; inherent: { likelihood: number; impact: number }; residual: { likelihood: number; impact: number }; treatment: string },
  createdAt: Date,
  byUserId: string,
) {
  const now = Date.now();
  const level = (p: { likelihood: number; impact: number }) => riskLevel(matrix, p.likelihood, p.impact);
  const row = async (at: Date, cause: string, residual: { likelihood: number; impact: number }) => {
    await tx.execute(sql`
      insert into risk_score_history (organisation_id, risk_id, at, by_user_id, cause, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, inherent_level, residual_level, domain, status)
      select organisation_id, id, ${at}, ${byUserId}, ${cause}, inherent_likelihood, inherent_impact, ${residual.likelihood}, ${residual.impact}, ${level(risk.inherent)}, ${level(residual)}, domain, status
      from risks where id = ${risk.id}`);
  };
  const span = now - createdAt.getTime();
  const lowered = risk.residual.likelihood < risk.inherent.likelihood || risk.residual.impact < risk.inherent.impact;
  const stepwise = lowered && (risk.treatment === 'mitigate' || risk.treatment === 'transfer');
  // the create row: at registration, before any treatment took effect
  const start = stepwise ? risk.inherent : risk.residual;
  await tx.execute(sql`
    update risk_score_history set at = ${createdAt}, residual_likelihood = ${start.likelihood}, residual_impact = ${start.impact}, residual_level = ${level(start)}
    where risk_id = ${risk.id} and cause = 'create'`);
  await tx.execute(sql`update risks set created_at = ${createdAt} where id = ${risk.id}`);
  if (!stepwise) return;
  const cause = risk.treatment === 'mitigate' ? 'measures' : 'treatment';
  const half = mitigatedResidual(risk.inherent, risk.residual, { implemented: 1, total: 2 });
  if ((half.likelihood !== start.likelihood || half.impact !== start.impact) && (half.likelihood !== risk.residual.likelihood || half.impact !== risk.residual.impact)) {
    await row(new Date(createdAt.getTime() + span * 0.4), cause, half);
  }
  await row(new Date(createdAt.getTime() + span * 0.75), cause, risk.residual);
}

export async function seedRisks(database: Database) {
  await loadThreats(database);
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string | null; fg: string | null; oov: string | null; burgemeester: string | null; mayorName: string | null; cisoName: string | null }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name,
        (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso,
        (select u.id from users u where u.email = 'fg@' || o.slug || '.example') as fg,
        (select u.id from users u where u.email = 'oov@' || o.slug || '.example') as oov,
        (select u.id from users u where u.email = 'burgemeester@' || o.slug || '.example') as burgemeester,
        (select u.name from users u where u.email = 'burgemeester@' || o.slug || '.example') as "mayorName",
        (select u.name from users u where u.email = 'ciso@' || o.slug || '.example') as "cisoName"
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  const today = localDate();
  for (const g of gemeenten) {
    if (!g.ciso || !g.fg || !g.oov) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const ctx = seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
      (ctx.principal as { name: string }).name = g.cisoName ?? 'CISO';
      let matrix: RiskMatrix | null = null;
      if (g.slug === 'oostbroek') {
        await putMatrix(ctx, OOSTBROEK_MATRIX);
        matrix = OOSTBROEK_MATRIX;
      }
      const size = matrix ? matrix.likelihoodLabels.length : 5;
      const bounds = matrix ?? { levelBounds: [4, 9, 16] as [number, number, number] };
      const scale = (p: Pair | undefined) => (p ? { likelihood: rescale(p[0], 5, size), impact: rescale(p[1], 5, size) } : undefined);

      const nodes = rowsOf<{ type: 'asset' | 'supplier' | 'joint_arrangement'; id: string; name: string; ot: string | null }>(
        await tx.execute(sql`
          select 'asset' as type, id, name, ot_type as ot from assets where organisation_id = ${g.id}
          union all select 'supplier', id, name, null from suppliers where organisation_id = ${g.id}
          union all select 'joint_arrangement', id, name, null from joint_arrangements where organisation_id = ${g.id}`),
      );
      const measures = new Map(rowsOf<{ id: string; title: string }>(await tx.execute(sql`select id, title from measures where organisation_id = ${g.id}`)).map((m) => [m.title, m.id]));
      const node = (type: string, name: string) =>
        nodes.find((n) => n.type === type && (name === '@brug' ? n.ot === 'brug' : name === '@gemaal' ? n.ot === 'gemaal' : n.name === name));
      const owners: Record<Owner, string> = { ciso: g.ciso!, fg: g.fg!, oov: g.oov! };

      const made: Record<string, { id: string; inherent: { likelihood: number; impact: number }; residual: { likelihood: number; impact: number }; treatment: string; monthsAgo: number }> = {};
      for (const [i, base] of RISKS.entries()) {
        const s: Spec = { ...base, ...(base.per?.[g.slug] ?? {}) };
        const links = [
          ...(s.assets ?? []).map((n) => node('asset', n)),
          ...(s.suppliers ?? []).map((n) => node('supplier', n)),
          ...(s.arrangements ?? []).map((n) => node('joint_arrangement', n)),
        ]
          .filter((n) => !!n)
          .map((n) => ({ type: n!.type, id: n!.id }));
        const inherent = scale(s.inherent)!;
        const residual = scale(s.residual);
        const target = scale(s.target);
        const r = await createRisk(ctx, {
          title: s.title,
          description: s.description,
          domain: s.domain,
          ownerId: owners[s.owner],
          inherentLikelihood: inherent.likelihood,
          inherentImpact: inherent.impact,
          ...(residual ? { residualLikelihood: residual.likelihood, residualImpact: residual.impact } : {}),
          ...(target ? { targetLikelihood: target.likelihood, targetImpact: target.impact } : {}),
          treatment: s.treatment,
          treatmentNote: s.treatmentNote ?? '',
          transferredTo: s.transferredTo ?? null,
          reviewDate: addDays(today, s.review + (i % 5)),
          links,
          threatIds: s.threats,
          measureIds: (s.measures ?? []).map((t) => measures.get(t)).filter((x): x is string => !!x),
        });
        made[s.title] = { id: r.id, inherent: { likelihood: r.inherent.likelihood, impact: r.inherent.impact }, residual: { likelihood: r.residual.likelihood, impact: r.residual.impact }, treatment: r.treatment, monthsAgo: s.monthsAgo };
        await backdate(tx, bounds, made[s.title], new Date(Date.now() - (s.monthsAgo * 30 + (i % 7)) * DAY), owners[s.owner]);
      }

      // DPIAs: the social-domain application everywhere (with a privacy risk from it), and in Zuidhaven also the container chips
      const uitkeringen = node('asset', 'Uitkeringen verstrekken (Participatiewet)');
      const dpia = await createDpia(ctx, {
        name: 'DPIA Suite4SociaalDomein (Participatiewet)',
        processing: 'Aanvragen, toekennen en betalen van bijstand, inclusief het fraudeonderzoek en de koppelingen met het Inlichtingenbureau.',
        assetId: uitkeringen?.id ?? null,
        outcome: 'aanvaardbaar_met_maatregelen',
        conductedOn: addDays(today, -210),
        notes: 'Aanvaardbaar als toegang tot fraudedossiers beperkt wordt en raadplegingen worden gelogd.',
      });
      const fgCtx = seedCtx(tx, g, g.fg!, 'demodataset', ['privacy']);
      const privacyTarget = scale([1, 3])!;
      const fromDpia = await createDpiaRisk(fgCtx, dpia.id, {
        title: 'Profilering in het fraudeonderzoek zonder menselijke toets',
        description: 'Signalen uit gekoppelde bestanden leiden tot onderzoek naar inwoners zonder dat een medewerker de selectie toetst (AVG art. 22).',
        ownerId: g.fg!,
        inherentLikelihood: scale([3, 4])!.likelihood,
        inherentImpact: scale([3, 4])!.impact,
        targetLikelihood: privacyTarget.likelihood,
        targetImpact: privacyTarget.impact,
        treatment: 'mitigate',
        reviewDate: addDays(today, 95),
        threatIds: ['onrechtmatige-verwerking', 'misbruik-bevoegdheden'],
        measureIds: ['Toegangsbeheer en autorisaties', 'Logging en monitoring'].map((t) => measures.get(t)).filter((x): x is string => !!x),
      });
      await backdate(
        tx,
        bounds,
        { id: fromDpia.id, inherent: fromDpia.inherent, residual: fromDpia.residual, treatment: fromDpia.treatment },
        new Date(Date.now() - 200 * DAY),
        g.fg!,
      );
      await fgCtx.audit.flush(tx);
      if (g.slug === 'zuidhaven') {
        await createDpia(ctx, {
          name: 'DPIA chipcontainers en routeregistratie',
          processing: 'Registratie van ledigingen per adres via de chip in de container, voor routeplanning en handhaving bij bijplaatsing.',
          assetId: node('asset', 'Afvalinzameling')?.id ?? null,
          outcome: 'aanvaardbaar',
          conductedOn: addDays(today, -480),
          notes: 'Ledigingen worden na twee jaar verwijderd; geen koppeling met de belastingheffing.',
        });
      }

      // acceptance decisions
      const decide = async (title: string, who: 'burgemeester' | 'ciso', input: { deciderFunction: string; reason: string; validUntil: string }, decidedDaysAgo: number) => {
        const r = made[title];
        if (!r) return;
        const actor = who === 'burgemeester' ? seedCtx(tx, g, g.burgemeester!, 'demodataset', ['bestuurder']) : seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
        (actor.principal as { name: string }).name = who === 'burgemeester' ? (g.mayorName ?? 'Burgemeester') : (g.cisoName ?? 'CISO');
        await acceptRisk(actor, r.id, input);
        const at = new Date(Date.now() - decidedDaysAgo * DAY);
        await tx.execute(sql`update risk_acceptances set decided_at = ${at} where risk_id = ${r.id} and revoked_at is null`);
        await tx.execute(sql`update risk_score_history set at = ${at} where risk_id = ${r.id} and cause = 'accept'`);
        await actor.audit.flush(tx);
      };
      if (g.slug === 'zuidhaven' && g.burgemeester) {
        await decide(
          'Eén leverancier voor het hele sociaal domein (vendor lock-in)',
          'burgemeester',
          {
            deciderFunction: 'Burgemeester, namens het college van burgemeester en wethouders',
            reason: 'Overstappen kan pas bij de regionale aanbesteding van 2028. Tot dan aanvaardt het college dit risico; de CISO rapporteert halfjaarlijks over prijs en kwaliteit.',
            validUntil: addDays(today, 420),
          },
          40,
        );
        await decide(
          'Website en e-loket onbereikbaar door een DDoS-aanval',
          'ciso',
          {
            deciderFunction: 'Chief Information Security Officer',
            reason: 'De hostingpartij filtert grote aanvallen; een paar uur onbereikbaarheid is aanvaardbaar omdat alle diensten ook telefonisch en aan de balie beschikbaar zijn.',
            validUntil: addDays(today, 21),
          },
          344,
        );
      }
      if (g.slug === 'noorderveld') {
        await decide(
          'Camerabeelden uit het convenant Veilig Ondernemen uitgelekt',
          'ciso',
          {
            deciderFunction: 'Chief Information Security Officer',
            reason: 'De beelden worden na 28 dagen gewist en alleen door de partners bekeken; aanvullende maatregelen wegen niet op tegen het beperkte risico.',
            validUntil: addDays(today, 600),
          },
          90,
        );
      }
      await ctx.audit.flush(tx);
    });
  }
}
