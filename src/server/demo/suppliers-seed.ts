import { sql } from 'drizzle-orm';
import { systemTx, tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { highRiskCountries } from '../core/db/schema.js';
import { AuditLog } from '../core/audit/audit.js';
import { addDays, localDate } from '../../shared/dates.js';
import { createSupplier } from '../modules/suppliers/manage-suppliers.js';
import { addAgreement, addCertification, addContract, addSubprocessor } from '../modules/suppliers/supplier-parts.js';
import { createArrangement } from '../modules/suppliers/joint-arrangements.js';
import { seedCtx } from './context.js';

/*
 * Demo suppliers and joint arrangements. All companies and registration numbers are fictional.
 * - Kustnet Datacenters: the hosting party all three gemeenten use (same KvK number, so a CSIRT sees
 *   it is one supplier);
 * - Burgerzaken Online: SaaS for burgerzaken, hosted at Kustnet (sub-processor); in Zuidhaven its
 *   contract ends soon and its ISAE 3402 statement is about to expire; in Noorderveld the
 *   verwerkersovereenkomst has not been signed;
 * - ICT Samenwerking Kustland: the regional ICT organisation of the three gemeenten;
 * - Polderflow Automation: control software for bridges and pumping stations, with remote support
 *   processed in a country on the installation's high-risk list (an example entry).
 */

const EXAMPLE_HIGH_RISK = {
  code: 'CN',
  reason: 'Voorbeeldvermelding uit de demodataset (fictieve onderbouwing): land met een offensief cyberprogramma. De installatiebeheerder stelt de echte lijst vast.',
};

const KVK = { kustnet: '80412375', burgerzaken: '71235904', ict: '69012847', polderflow: '75530129' } as const;

const ARRANGEMENTS = [
  {
    name: 'Belastingsamenwerking Kustland',
    kind: 'gemeenschappelijke_regeling',
    description: 'Heffing en invordering van gemeentelijke belastingen en de WOZ-waardering voor de drie gemeenten; beheert daarvoor persoonsgegevens en betaalgegevens van alle inwoners.',
    accountable: 'Wethouder financiën (lid algemeen bestuur)',
    months: -7,
  },
  {
    name: 'Veiligheidsregio Kustland',
    kind: 'gemeenschappelijke_regeling',
    description: 'Brandweer, GHOR en crisisbeheersing; bij een digitale ontwrichting coördineert de veiligheidsregio de crisisorganisatie.',
    accountable: 'Burgemeester (lid algemeen bestuur)',
    months: -4,
  },
  {
    name: 'Omgevingsdienst Kust',
    kind: 'gemeenschappelijke_regeling',
    description: 'Vergunningverlening, toezicht en handhaving milieu; werkt in het zaaksysteem van de omgevingsdienst met koppeling naar het Omgevingsloket.',
    accountable: 'Wethouder ruimtelijke ordening',
    months: -14,
  },
  {
    name: 'Sociale Dienst Kust',
    kind: 'gemeenschappelijke_regeling',
    description: 'Uitvoering Participatiewet en schuldhulpverlening; verwerkt bijzondere persoonsgegevens en betaalt de uitkeringen.',
    accountable: 'Wethouder sociaal domein',
    months: -3,
  },
  {
    name: 'ICT Samenwerking Kustland',
    kind: 'gemeenschappelijke_regeling',
    description: 'Gezamenlijke ICT-organisatie: werkplekken, netwerk, servers en applicatiebeheer voor de drie gemeenten.',
    accountable: 'Gemeentesecretaris (lid bestuurscommissie)',
    months: -10,
  },
  {
    name: 'Convenant Veilig Ondernemen Kust',
    kind: 'convenant',
    description: 'Afspraken met politie, ondernemers en brandweer over veiligheid op bedrijventerreinen, met gedeelde camerabeelden.',
    accountable: 'Burgemeester',
    months: null,
  },
] as const;

/** Loads the demo suppliers and joint arrangements into every demo gemeente (after loadDemo's base data). */
export async function seedSuppliers(database: Database) {
  await systemTx(database, async (tx) => {
    const inserted = await tx.insert(highRiskCountries).values({ countryCode: EXAMPLE_HIGH_RISK.code, reason: EXAMPLE_HIGH_RISK.reason }).onConflictDoNothing().returning();
    if (inserted.length) {
      const audit = new AuditLog({ type: 'system', id: null, label: 'demodataset' }, null);
      audit.record({ organisationId: null, entityType: 'high_risk_country', entityId: EXAMPLE_HIGH_RISK.code, action: 'create', after: { reason: EXAMPLE_HIGH_RISK.reason } });
      await audit.flush(tx);
    }
  });
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string | null }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name, (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  const today = localDate();
  for (const g of gemeenten) {
    if (!g.ciso) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const ctx = seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
      const town = g.name.replace('Gemeente ', '');

      const kustnet = await createSupplier(ctx, {
        name: 'Kustnet Datacenters B.V.',
        description: 'Housing en hosting van de servers van de gemeente in twee datacenters; ook de back-upopslag.',
        website: 'https://kustnet.example',
        registrationNumber: KVK.kustnet,
        countryOfOrigin: 'NL',
        processingCountries: ['NL'],
        processesPersonalData: true,
      });
      await addContract(ctx, kustnet.id, {
        title: 'Raamovereenkomst hosting en housing',
        startDate: '2021-01-01',
        endDate: addDays(today, 540),
        valueCents: 18_400_000,
        noticePeriodDays: 180,
        exitPlan: 'Migratie naar het datacenter van ICT Samenwerking Kustland; back-ups worden dagelijks ook daar bewaard.',
      });
      await addAgreement(ctx, kustnet.id, { signed: true, signedOn: '2021-02-15', model: 'vng_model', modelVersion: 'VNG Model Verwerkersovereenkomst 2.0', notes: '' });
      await addCertification(ctx, kustnet.id, { kind: 'iso27001', name: 'Datacenterdiensten', validUntil: addDays(today, 410) });
      await addCertification(ctx, kustnet.id, { kind: 'isae3402', name: 'Type II', validUntil: addDays(today, 230) });

      const burgerzaken = await createSupplier(ctx, {
        name: 'Burgerzaken Online B.V.',
        description: 'SaaS voor burgerzaken: afspraken, aanvragen reisdocumenten en uittreksels; gehost bij Kustnet.',
        website: 'https://burgerzaken-online.example',
        registrationNumber: KVK.burgerzaken,
        countryOfOrigin: 'NL',
        processingCountries: ['NL', 'IE'],
        processesPersonalData: true,
      });
      await addContract(ctx, burgerzaken.id, {
        title: 'Licentie en beheer burgerzakenplatform',
        startDate: '2023-04-01',
        endDate: g.slug === 'zuidhaven' ? addDays(today, 45) : addDays(today, 400),
        valueCents: 6_250_000,
        noticePeriodDays: 30,
        exitPlan: g.slug === 'zuidhaven' ? '' : 'Gegevens worden bij beëindiging in een open formaat teruggeleverd.',
      });
      if (g.slug === 'noorderveld') {
        await addAgreement(ctx, burgerzaken.id, { signed: false, model: 'vng_model', modelVersion: 'VNG Model Verwerkersovereenkomst 2.0', notes: 'Concept ligt bij de leverancier; reactie op de subverwerkersbijlage ontbreekt nog.' });
      } else {
        await addAgreement(ctx, burgerzaken.id, { signed: true, signedOn: '2023-03-20', model: 'vng_model', modelVersion: 'VNG Model Verwerkersovereenkomst 2.0', notes: '' });
      }
      await addCertification(ctx, burgerzaken.id, { kind: 'isae3402', name: 'Type II', validUntil: g.slug === 'zuidhaven' ? addDays(today, 40) : addDays(today, 300) });
      await addCertification(ctx, burgerzaken.id, { kind: 'iso27001', name: '', validUntil: addDays(today, 500) });
      await addSubprocessor(ctx, burgerzaken.id, kustnet.id);

      const ict = await createSupplier(ctx, {
        name: 'ICT Samenwerking Kustland',
        description: `Regionale ICT-organisatie van de drie gemeenten; levert werkplekken, netwerk en applicatiebeheer aan ${town}.`,
        registrationNumber: KVK.ict,
        countryOfOrigin: 'NL',
        processingCountries: ['NL'],
        processesPersonalData: true,
      });
      await addContract(ctx, ict.id, {
        title: 'Dienstverleningsovereenkomst ICT',
        startDate: '2019-01-01',
        endDate: addDays(today, 900),
        valueCents: 95_000_000,
        noticePeriodDays: 365,
        exitPlan: 'Uittreden uit de regeling volgens de gemeenschappelijke regeling (uittreedsom, overgangsperiode twee jaar).',
      });
      await addAgreement(ctx, ict.id, { signed: true, signedOn: '2019-01-10', model: 'vng_model', modelVersion: 'VNG Model Verwerkersovereenkomst 1.0', notes: '' });
      await addSubprocessor(ctx, ict.id, kustnet.id);

      const polderflow = await createSupplier(ctx, {
        name: 'Polderflow Automation B.V.',
        description: 'Besturingssoftware en onderhoud op afstand voor de brug en het gemaal (PLC en SCADA); de 24-uursstoringsdienst werkt vanuit een buitenlandse vestiging.',
        website: 'https://polderflow.example',
        registrationNumber: KVK.polderflow,
        countryOfOrigin: 'NL',
        processingCountries: ['NL', EXAMPLE_HIGH_RISK.code],
        processesPersonalData: false,
      });
      await addContract(ctx, polderflow.id, {
        title: 'Onderhoud en storingsdienst besturing brug en gemaal',
        startDate: '2020-06-01',
        endDate: addDays(today, 220),
        valueCents: 3_800_000,
        noticePeriodDays: 90,
        exitPlan: '',
      });
      await addCertification(ctx, polderflow.id, { kind: 'anders', name: 'IEC 62443-2-4', validUntil: addDays(today, -20) });

      for (const a of ARRANGEMENTS) {
        await createArrangement(
          ctx,
          { name: a.name, kind: a.kind, description: a.description, accountable: a.accountable, lastCouncilReport: a.months == null ? null : addDays(today, a.months * 30) },
          null,
        );
      }
      await ctx.audit.flush(tx);
    });
  }
}
