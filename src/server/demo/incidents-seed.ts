import { sql } from 'drizzle-orm';
import { tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import type { OrgCtx } from '../core/http/pipeline.js';
import { createIncident, updateIncident } from '../modules/incidents/manage-incidents.js';
import { answerAvg, answerCbw } from '../modules/incidents/legal.js';
import { addEvent } from '../modules/incidents/timeline.js';
import { createTask, updateTask } from '../modules/incidents/tasks.js';
import { sendReport } from '../modules/incidents/reports.js';
import { addLesson } from '../modules/incidents/lessons.js';
import { acknowledge } from '../modules/csirt/handle-notification.js';
import { postCsirtMessage, postGemeenteMessage } from '../modules/csirt/messages.js';
import { addDays, localDate } from '../../shared/dates.js';
import { seedCtx } from './context.js';

/*
 * Demo incidents (issue #6), through the real use cases with the clock set to the moment each step
 * happened, relative to the time of seeding. Per gemeente: an open ransomware incident at the datacenter
 * supplier, aware some 60 hours ago (so the 72-hour incident notification is close), significant under
 * the Cbw, early warning sent to the CSIRT in time, notification not yet sent; and a closed data breach
 * through phishing, reported to the Autoriteit Persoonsgegevens, with events, decisions and done tasks.
 * The early warnings land in the CSIRT's inbox; Zuidhaven's is acknowledged, with a question and an answer.
 */

const HOUR = 3_600_000;
/** Hours between awareness and seeding, per gemeente: all within a day of the 72-hour deadline. */
const AWARE_HOURS_AGO: Record<string, number> = { zuidhaven: 60, noorderveld: 57, oostbroek: 63 };

export async function seedIncidents(database: Database) {
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string | null; cisoName: string | null; fg: string | null; fgName: string | null; oov: string | null }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name,
        (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso,
        (select u.name from users u where u.email = 'ciso@' || o.slug || '.example') as "cisoName",
        (select u.id from users u where u.email = 'fg@' || o.slug || '.example') as fg,
        (select u.name from users u where u.email = 'fg@' || o.slug || '.example') as "fgName",
        (select u.id from users u where u.email = 'oov@' || o.slug || '.example') as oov
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  const seededAt = Date.now();
  for (const g of gemeenten) {
    if (!g.ciso || !g.fg || !g.oov) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const as = (userId: string, name: string, email: string): OrgCtx => {
        const ctx = seedCtx(tx, g, userId, 'demodataset', ['ciso']);
        Object.assign(ctx.principal, { name, email });
        return ctx;
      };
      const ciso = as(g.ciso!, g.cisoName ?? 'CISO', `ciso@${g.slug}.example`);
      const fg = as(g.fg!, g.fgName ?? 'Functionaris gegevensbescherming', `fg@${g.slug}.example`);
      const place = g.name.replace('Gemeente ', '');

      const nodes = rowsOf<{ type: 'asset' | 'supplier'; id: string; name: string }>(
        await tx.execute(sql`
          select 'asset' as type, id, name from assets where organisation_id = ${g.id}
          union all select 'supplier', id, name from suppliers where organisation_id = ${g.id}`),
      );
      const links = (names: string[]) =>
        names
          .map((n) => nodes.find((x) => x.name === n))
          .filter((n): n is (typeof nodes)[number] => !!n)
          .map((n) => ({ type: n.type, id: n.id }));

      /* ---------- the open ransomware incident at the datacenter supplier ---------- */
      const aware = seededAt - (AWARE_HOURS_AGO[g.slug] ?? 60) * HOUR;
      const at = (hoursAfterAware: number) => new Date(aware + hoursAfterAware * HOUR);
      const ransomware = await createIncident(
        ciso,
        {
          title: 'Ransomware bij Kustnet Datacenters: virtuele servers versleuteld',
          description:
            'Kustnet Datacenters meldde ’s nachts dat een deel van het virtualisatieplatform in hun datacenter is versleuteld door ransomware. ' +
            `Applicatieservers van de gemeente ${place} draaien op dit platform; de uitkeringsapplicatie en het zaaksysteem zijn onbereikbaar.`,
          category: 'ransomware',
          severity: 'kritiek',
          impact: 'Uitkeringen kunnen niet worden verwerkt; de betaalrun van deze week is in gevaar. Balie en telefoon werken met een noodprocedure.',
          startedAt: at(-5).toISOString(),
          awareAt: new Date(aware).toISOString(),
          handlerIds: [g.ciso!, g.oov!],
          links: links(['Kustnet Datacenters B.V.', 'Virtualisatieplatform', 'Applicatieservers Windows', 'Uitkeringen verstrekken (Participatiewet)']),
        },
        at(0.5),
      );
      const rid = ransomware.id;
      await addEvent(ciso, rid, { kind: 'gebeurtenis', text: 'Monitoring van Kustnet ziet massale bestandswijzigingen op de opslag van het virtualisatieplatform.', occurredAt: at(-5).toISOString() }, at(0.6));
      await addEvent(ciso, rid, { kind: 'gebeurtenis', text: 'Kustnet belt de CISO: het platform is versleuteld, losgeldbericht aangetroffen.', occurredAt: at(0).toISOString() }, at(0.7));
      await updateIncident(ciso, rid, { status: 'in_behandeling' }, at(1));
      await answerCbw(
        ciso,
        rid,
        {
          significant: true,
          reason:
            'De uitkeringsverstrekking ligt langer dan 24 uur stil en de gevolgen raken duizenden inwoners: ernstige operationele verstoring van de dienstverlening (art. 23 lid 3 NIS2).',
        },
        at(2),
      );
      await answerAvg(
        fg,
        rid,
        {
          breach: false,
          reason: 'Kustnet ziet geen aanwijzingen voor het wegnemen van gegevens; de versleutelde servers bevatten alleen applicatiebestanden. Opnieuw beoordelen na het forensisch onderzoek.',
        },
        at(3),
      );
      await addEvent(ciso, rid, { kind: 'besluit', text: 'Crisisteam bijeengeroepen; uitwijk van de uitkeringsapplicatie naar de tweede locatie voorbereiden.', occurredAt: at(3).toISOString() }, at(3.1));
      await addEvent(ciso, rid, { kind: 'besluit', text: 'Geen losgeld betalen; herstel vanuit de offline back-ups van Kustnet.', occurredAt: at(6).toISOString() }, at(6.1));
      await sendReport(ciso, rid, 'early-warning', { channel: 'csirt' }, at(18));
      const t1 = await createTask(ciso, rid, { title: 'Offline back-ups laten verifiëren door Kustnet', assigneeId: g.ciso!, dueDate: localDate(at(24)) }, at(4));
      await updateTask(ciso, rid, t1.id, { done: true }, at(30));
      await createTask(ciso, rid, { title: 'Noodprocedure betaalrun met afdeling Financiën afstemmen', assigneeId: g.oov!, dueDate: localDate(new Date(seededAt + 24 * HOUR)) }, at(8));
      await createTask(ciso, rid, { title: 'Incidentmelding aan het CSIRT opstellen', assigneeId: g.ciso!, dueDate: localDate(at(72)) }, at(20));
      await addEvent(ciso, rid, { kind: 'notitie', text: 'Kustnet verwacht de eerste servers binnen 48 uur terug te zetten.', occurredAt: at(40).toISOString() }, at(40));

      /* ---------- the closed data breach through phishing ---------- */
      const bAware = seededAt - 41 * 24 * HOUR - 3 * HOUR;
      const b = (hoursAfterAware: number) => new Date(bAware + hoursAfterAware * HOUR);
      const breach = await createIncident(
        fg,
        {
          title: 'Phishing: mailbox consulent sociaal domein overgenomen',
          description:
            'Een consulent van het sociaal domein heeft op een phishingmail gereageerd en zijn inloggegevens ingevuld. De aanvaller heeft de mailbox twee dagen gebruikt en mails met cliëntgegevens doorgestuurd naar een extern adres.',
          category: 'phishing',
          severity: 'hoog',
          impact: 'Persoonsgegevens van cliënten van jeugdhulp en Wmo zijn mogelijk ingezien door een onbevoegde.',
          startedAt: b(-48).toISOString(),
          awareAt: new Date(bAware).toISOString(),
          handlerIds: [g.fg!, g.ciso!],
          links: links(['E-mail (Exchange)', 'Cliëntdossiers sociaal domein', 'Jeugdhulp en Wmo-voorzieningen']),
        },
        b(1),
      );
      const bid = breach.id;
      await addEvent(fg, bid, { kind: 'gebeurtenis', text: 'Phishingmail “Uw mailbox is vol” ontvangen door 40 medewerkers.', occurredAt: b(-50).toISOString() }, b(1.1));
      await addEvent(fg, bid, { kind: 'gebeurtenis', text: 'Doorstuurregel naar een extern adres aangetroffen in de mailbox van de consulent.', occurredAt: b(0).toISOString() }, b(1.2));
      await addEvent(ciso, bid, { kind: 'besluit', text: 'Account geblokkeerd, wachtwoord gereset en alle sessies beëindigd.', occurredAt: b(0.5).toISOString() }, b(1.3));
      await answerCbw(ciso, bid, { significant: false, reason: 'Eén mailbox getroffen; geen verstoring van de dienstverlening en geen aanzienlijke materiële schade: geen significant incident.' }, b(4));
      await answerAvg(
        fg,
        bid,
        {
          breach: true,
          reason: 'Doorgestuurde mails bevatten namen, adressen, BSN’s en gegevens over jeugdhulp: een inbreuk in verband met persoonsgegevens met risico voor de betrokkenen.',
          categories: ['naw', 'bsn', 'contact', 'jeugd_en_zorg'],
          subjectsApprox: 85,
          recordsApprox: 140,
          consequences: 'Mogelijke identiteitsfraude en aantasting van de persoonlijke levenssfeer door openbaarmaking van zorggegevens.',
          notifySubjects: true,
          notifyReason: 'Gezondheids- en jeugdgegevens met BSN: hoog risico, betrokkenen worden per brief ingelicht (art. 34 AVG).',
        },
        b(6),
      );
      await addEvent(fg, bid, { kind: 'besluit', text: 'Melding aan de Autoriteit Persoonsgegevens doen en de betrokkenen per brief informeren.', occurredAt: b(7).toISOString() }, b(7.1));
      await sendReport(fg, bid, 'data-breach-notification', { channel: 'extern', sentAt: b(30).toISOString() }, b(30.5));
      const tasks = [
        { title: 'Doorstuurregels in alle mailboxen controleren', assigneeId: g.ciso!, due: 2, done: 20 },
        { title: 'Brief aan betrokkenen opstellen en versturen', assigneeId: g.fg!, due: 7, done: 120 },
        { title: 'Tweestapsverificatie voor webmail afdwingen', assigneeId: g.ciso!, due: 14, done: 240 },
      ];
      for (const t of tasks) {
        const task = await createTask(fg, bid, { title: t.title, assigneeId: t.assigneeId, dueDate: addDays(localDate(b(0)), t.due) }, b(8));
        await updateTask(fg, bid, task.id, { done: true }, b(t.done));
      }
      await updateIncident(fg, bid, { status: 'afgehandeld', handledAt: b(10 * 24).toISOString() }, b(10 * 24 + 1));
      await addEvent(fg, bid, { kind: 'notitie', text: 'Evaluatie: phishingsimulatie voor het sociaal domein inplannen; tweestapsverificatie is nu overal verplicht.', occurredAt: b(12 * 24).toISOString() }, b(12 * 24));
      // lessons learned: tracked actions with owners and due dates, followed up with the organisation's actions
      await addLesson(
        ciso,
        bid,
        {
          lesson: 'Medewerkers van het sociaal domein herkenden de phishingmail niet; de melding kwam pas na een dag binnen.',
          action: { title: 'Phishingsimulatie en korte training voor het sociaal domein', ownerId: g.ciso!, dueDate: addDays(localDate(b(13 * 24)), 60) },
        },
        b(13 * 24),
      );
      await addLesson(
        fg,
        bid,
        {
          lesson: 'Doorstuurregels naar externe adressen vielen niet op; niemand kreeg er een signaal van.',
          action: { title: 'Melding bij nieuwe doorstuurregels naar externe adressen instellen', ownerId: g.fg!, dueDate: addDays(localDate(b(13 * 24)), 30) },
        },
        b(13 * 24 + 1),
      );
      await updateIncident(fg, bid, { status: 'gesloten' }, b(14 * 24));
      await ciso.audit.flush(tx);
      await fg.audit.flush(tx);
    });
  }
  await seedCsirtThread(database, gemeenten, seededAt);
}

/**
 * The early warnings above went to the CSIRT (channel 'csirt'), so they are in its inbox. Zuidhaven's is
 * acknowledged by the CSIRT's analyst an hour after it arrived, with a question and the CISO's answer;
 * the other gemeenten's wait for the analyst.
 */
async function seedCsirtThread(database: Database, gemeenten: { id: string; slug: string; name: string; ciso: string | null; cisoName: string | null }[], seededAt: number) {
  const g = gemeenten.find((x) => x.slug === 'zuidhaven');
  const [analist] = rowsOf<{ id: string; name: string }>(await database.db.execute(sql`select id, name from users where email = 'analist@csirt.example'`));
  const [csirt] = rowsOf<{ id: string; slug: string; name: string }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name from organisation_links l join organisations o on o.id = l.target_id
      where l.organisation_id = ${g?.id ?? null} and l.kind = 'csirt'`),
  );
  if (!g?.ciso || !analist || !csirt) return;
  const [sent] = rowsOf<{ id: string; incidentId: string; sentAt: Date | string }>(
    await database.db.execute(sql`
      select id, incident_id as "incidentId", sent_at as "sentAt" from csirt_notifications
      where organisation_id = ${g.id} and csirt_id = ${csirt.id} and kind = 'early-warning' order by sent_at limit 1`),
  );
  if (!sent) return;
  const at = (hoursAfterSending: number) => new Date(new Date(sent.sentAt).getTime() + hoursAfterSending * HOUR);
  await tenantTx(database, { organisationId: csirt.id, userId: analist.id }, async (tx) => {
    const ctx = seedCtx(tx, csirt, analist.id, 'demodataset', ['analist']);
    Object.assign(ctx.org, { kind: 'csirt' });
    Object.assign(ctx.principal, { name: analist.name, email: 'analist@csirt.example' });
    await acknowledge(ctx, sent.id, at(1));
    await postCsirtMessage(
      ctx,
      sent.id,
      { body: 'Dank voor de melding. Draaien bij u nog andere systemen op het virtualisatieplatform van Kustnet, en heeft Kustnet al indicatoren (IP-adressen, bestandsnamen) gedeeld?' },
      at(1.2),
    );
    await ctx.audit.flush(tx);
  });
  await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
    const ctx = seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
    Object.assign(ctx.principal, { name: g.cisoName ?? 'CISO', email: `ciso@${g.slug}.example` });
    await postGemeenteMessage(
      ctx,
      sent.incidentId,
      sent.id,
      { body: 'Alleen de applicatieservers van het zaaksysteem en de uitkeringsapplicatie. Kustnet deelt de indicatoren vanmiddag; wij sturen ze door zodra we ze hebben.' },
      at(2),
    );
    await ctx.audit.flush(tx);
  });
}
