import { sql } from 'drizzle-orm';
import { tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { listProcurementSets, procurementRequirements } from '../modules/compliance/procurement-library.js';
import { putAnswers, type AnswerInput, type ProcurementAnswer } from '../modules/suppliers/procurement.js';
import { seedCtx } from './context.js';

/*
 * Demo answers to the harmonised procurement requirements (catalogs/procurement/) for the demo suppliers
 * of the three gemeenten: the shared hosting party Kustnet mostly voldoet; Burgerzaken Online has a few
 * gaps that match its dossier (the unsigned verwerkersovereenkomst in Noorderveld, the missing exit plan
 * in Zuidhaven); Polderflow Automation, with remote support from a country on the high-risk list and an
 * expired certificate, has clear gaps. Written through the real use case, as each gemeente's CISO.
 */

const SET_ID = 'weerbaar:inkoopeisen-informatiebeveiliging';

type Spec = [ProcurementAnswer, string?, string?];
type Answers = Record<string, Spec>;

const KUSTNET: Answers = {
  '1.01': ['voldoet', 'Certificaat voor housing en hosting in beide datacenters.', 'ISO/IEC 27001-certificaat'],
  '1.02': ['voldoet', '', 'Verklaring van toepasselijkheid bij het certificaat'],
  '1.03': ['voldoet', '', 'ISAE 3402 type II-rapport'],
  '1.04': ['voldoet_deels', 'Koppeling van de eigen maatregelen aan de BIO aangeleverd; een deel van de BIO-maatregelen ligt bij de gemeente zelf.', 'BIO-verantwoording leverancier'],
  '1.05': ['voldoet'],
  '1.06': ['voldoet', 'Security officer als vast aanspreekpunt.'],
  '1.07': ['voldoet', 'Auditrecht in de raamovereenkomst, eens per jaar.', 'Raamovereenkomst hosting en housing'],
  '2.01': ['voldoet', '', 'Verwerkersovereenkomst (VNG-model 2.0)'],
  '2.02': ['voldoet'],
  '2.03': ['voldoet', 'Alle verwerking in Nederland.'],
  '2.04': ['voldoet'],
  '2.05': ['niet_van_toepassing', 'Housing en hosting: de leverancier heeft geen inhoudelijke toegang tot de gegevens.'],
  '2.06': ['voldoet'],
  '3.01': ['voldoet', 'Back-ups worden ook in het datacenter van de ICT-samenwerking bewaard.'],
  '3.02': ['voldoet'],
  '3.03': ['niet_van_toepassing', 'Geen maatwerksoftware.'],
  '3.04': ['voldoet', 'RTO 4 uur, RPO 1 uur voor de virtuele servers.', 'Dienstverleningsovereenkomst'],
  '3.05': ['voldoet', 'Onveranderbare kopie op een tweede locatie; hersteltest per kwartaal.'],
  '3.06': ['voldoet_deels', 'Uitwijktest gedaan; het verslag is nog niet gedeeld.'],
  '4.01': ['voldoet'],
  '4.02': ['niet_van_toepassing', 'Geen gebruikers van de gemeente in de dienst.'],
  '4.03': ['voldoet'],
  '4.04': ['voldoet'],
  '4.05': ['voldoet', '', 'Samenvatting pentestrapport'],
  '4.06': ['voldoet'],
  '4.07': ['voldoet', 'security.txt aanwezig.'],
  '4.08': ['voldoet'],
  '4.09': ['voldoet'],
  '5.01': ['voldoet'],
  '5.02': ['voldoet'],
  '5.03': ['voldoet'],
  '5.04': ['voldoet'],
  '5.05': ['voldoet'],
  '6.01': ['voldoet'],
  '6.02': ['voldoet', 'Nederlandse onderneming zonder buitenlands moederbedrijf.'],
  '6.03': ['voldoet'],
  '6.04': ['voldoet', '', 'ISO/IEC 27001-certificaat'],
  '6.05': ['voldoet', 'Twee datacenters in verschillende regio’s.'],
};

const BURGERZAKEN = (slug: string): Answers => ({
  '1.01': ['voldoet', '', 'ISO/IEC 27001-certificaat'],
  '1.03': slug === 'zuidhaven' ? ['voldoet_deels', 'De ISAE 3402-verklaring verloopt binnenkort; de nieuwe is toegezegd.', 'ISAE 3402 type II-rapport'] : ['voldoet', '', 'ISAE 3402 type II-rapport'],
  '1.04': ['onbekend', 'Nog opvragen bij de leverancier.'],
  '2.01':
    slug === 'noorderveld'
      ? ['voldoet_niet', 'Verwerkersovereenkomst nog niet getekend; de subverwerkersbijlage ligt bij de leverancier.', 'Concept verwerkersovereenkomst']
      : ['voldoet', '', 'Verwerkersovereenkomst (VNG-model 2.0)'],
  '2.02': ['voldoet', 'Kustnet Datacenters als subverwerker gemeld.'],
  '2.03': ['voldoet_deels', 'Verwerking ook in Ierland (EER); supportdesk buiten de EER nog niet uitgesloten.'],
  '2.06': ['voldoet'],
  '3.01': slug === 'zuidhaven' ? ['voldoet_niet', 'Er is geen exitplan afgesproken en het contract loopt binnenkort af.'] : ['voldoet', 'Teruglevering in een open formaat afgesproken.'],
  '3.04': ['voldoet_deels', 'RTO vastgelegd, RPO niet.'],
  '4.01': ['voldoet'],
  '4.02': ['voldoet', 'Inloggen via het identiteitsbeheer van de gemeente.'],
  '4.04': ['voldoet'],
  '4.05': ['voldoet_deels', 'Pentest gedaan, samenvatting nog niet ontvangen.'],
  '5.01': ['voldoet'],
  '5.02': ['voldoet'],
  '6.01': ['voldoet'],
});

const POLDERFLOW: Answers = {
  '1.01': ['voldoet_niet', 'Geen ISO/IEC 27001-certificaat; alleen een IEC 62443-2-4-certificaat, en dat is verlopen.', 'Certificaatoverzicht leverancier'],
  '1.03': ['voldoet_niet', 'Geen assurance-rapport.'],
  '1.04': ['onbekend'],
  '1.07': ['voldoet_deels', 'Auditrecht alleen op locatie in Nederland.'],
  '2.01': ['niet_van_toepassing', 'De besturingssoftware verwerkt geen persoonsgegevens.'],
  '3.03': ['voldoet_niet', 'Geen escrow voor de PLC- en SCADA-software, terwijl die maatwerk is.'],
  '3.04': ['onbekend', 'Hersteltijd bij storing niet contractueel vastgelegd.'],
  '4.01': ['voldoet_deels', 'MFA op de VPN van de leverancier, niet op de lokale beheeraccounts van de besturing.'],
  '4.03': ['voldoet_niet', 'Geen logging van toegang op afstand beschikbaar voor de gemeente.'],
  '4.04': ['voldoet_deels', 'Updates alleen tijdens het jaarlijkse onderhoud.'],
  '4.05': ['voldoet_niet', 'Nooit een pentest op de besturing gedaan.'],
  '4.08': ['voldoet_deels'],
  '5.01': ['onbekend', 'Geen meldtermijn afgesproken.'],
  '5.03': ['voldoet', '24-uursstoringsdienst.'],
  '6.01': ['voldoet_deels', 'Gegevens in Nederland; de storingsdienst werkt op afstand vanuit het buitenland.'],
  '6.02': ['onbekend'],
  '6.03': ['voldoet_niet', 'De 24-uursstoringsdienst werkt vanuit een land op de hoog-risicolijst.', 'Opgave leverancier'],
};

export async function seedProcurement(database: Database) {
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string | null }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name, (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  const sets = await listProcurementSets(database.db);
  if (!sets.some((s) => s.id === SET_ID)) return;
  const refs = new Map((await procurementRequirements(database.db, SET_ID)).filter((r) => r.assessable).map((r) => [r.ref, r.id]));
  const answers = (spec: Answers): AnswerInput[] =>
    Object.entries(spec).flatMap(([ref, [answer, note, source]]) => (refs.has(ref) ? [{ requirementId: refs.get(ref)!, answer, note: note ?? '', source: source ?? '' }] : []));

  for (const g of gemeenten) {
    if (!g.ciso) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const ctx = seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
      const suppliers = rowsOf<{ id: string; name: string }>(await tx.execute(sql`select id, name from suppliers where organisation_id = ${g.id}`));
      const idOf = (name: string) => suppliers.find((s) => s.name === name)?.id;
      for (const [name, spec] of [
        ['Kustnet Datacenters B.V.', KUSTNET],
        ['Burgerzaken Online B.V.', BURGERZAKEN(g.slug)],
        ['Polderflow Automation B.V.', POLDERFLOW],
      ] as const) {
        const id = idOf(name);
        if (id) await putAnswers(ctx, id, SET_ID, answers(spec));
      }
      await ctx.audit.flush(tx);
    });
  }
}
