import { sql } from 'drizzle-orm';
import { tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { addDays, localDate } from '../../shared/dates.js';
import { advancePhase } from '../modules/compliance/assessment-years.js';
import { createFinding } from '../modules/compliance/findings.js';
import { createAction, updateAction } from '../modules/actions/manage-actions.js';
import { seedCtx } from './context.js';

const FINDINGS = [
  { ref: '8.13', title: 'Hersteltest van back-ups niet aangetoond', description: 'Er is wel een back-upprocedure, maar in 2025 is geen volledige hersteltest gedaan en vastgelegd.', severity: 'hoog', days: 45 },
  { ref: '5.18', title: 'Periodieke controle van autorisaties onvolledig', description: 'De halfjaarlijkse controle is voor twee van de vijf kernapplicaties niet uitgevoerd.', severity: 'midden', days: 90 },
  { ref: '5.22', title: 'Leveranciersevaluaties niet vastgelegd', description: 'Evaluaties van kritieke leveranciers zijn besproken maar niet gedocumenteerd.', severity: 'laag', days: -10 },
];

/**
 * The audit of 2025 in the demo: Zuidhaven's year is in the audit phase with three findings (one
 * already overdue); every demo gemeente has a few tracked actions, one of them finished.
 */
export async function seedActions(database: Database) {
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string; auditor: string; oov: string }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name,
             (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso,
             (select u.id from users u where u.email = 'auditor@' || o.slug || '.example') as auditor,
             (select u.id from users u where u.email = 'oov@' || o.slug || '.example') as oov
      from organisations o
      where o.kind = 'gemeente' and exists (select 1 from assessment_years y where y.organisation_id = o.id and y.year = 2025 and y.signed_at is not null)
      order by o.slug`),
  );
  const today = localDate();
  for (const g of gemeenten) {
    if (!g.ciso || !g.auditor) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const manager = seedCtx(tx, g, g.ciso, 'demodataset', ['ciso']);
      if (g.slug === 'zuidhaven') {
        await advancePhase(manager, 2025, 'audit');
        const auditor = seedCtx(tx, g, g.auditor, 'demodataset', ['auditor']);
        for (const f of FINDINGS) {
          const [req] = rowsOf<{ id: string }>(
            await tx.execute(sql`select r.id from requirements r join requirement_assessments a on a.requirement_id = r.id
                                 join assessment_years y on y.id = a.year_id
                                 where y.organisation_id = ${g.id} and y.year = 2025 and r.framework_id = 'weerbaar:bio2' and r.iso_control = ${f.ref}
                                 order by r.position limit 1`),
          );
          await createFinding(auditor, 2025, { title: f.title, description: f.description, severity: f.severity, requirementId: req?.id ?? null, ownerId: g.ciso, dueDate: addDays(today, f.days) });
        }
        await auditor.audit.flush(tx);
      }
      await createAction(manager, { title: 'Crisisoefening digitale ontwrichting met de veiligheidsregio plannen', description: 'Scenario ransomware bij de publiekszaken; burgemeester en gemeentesecretaris oefenen mee.', ownerId: g.oov ?? g.ciso, dueDate: addDays(today, 60) });
      await createAction(manager, { title: 'Phishingoefening evalueren', description: 'Resultaten bespreken in het MT en de e-learning aanpassen.', ownerId: g.ciso, dueDate: addDays(today, -5) });
      const done = await createAction(manager, { title: 'MFA uitrollen voor beheeraccounts', description: 'Alle beheeraccounts van de regionale ICT-dienst.', ownerId: g.ciso, dueDate: addDays(today, -30) });
      await updateAction(manager, done.id, { status: 'afgerond' });
      await manager.audit.flush(tx);
    });
  }
}
