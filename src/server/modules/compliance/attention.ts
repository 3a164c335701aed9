import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { rowsOf } from '../../core/db/rows.js';
import { iso } from '../../core/http/schemas.js';
import { overdueActions } from '../actions/overdue.js';
import { urgentDeadlines } from '../incidents/urgent.js';
import { presentEvidence, selectEvidence } from './evidence-repo.js';
import { SOON_DAYS } from './evidence-status.js';
import { addDays, localDate } from '../../../shared/dates.js';

/** Each list of the attention page shows at most this many items (most urgent first). */
export const ATTENTION_LIMIT = 200;

/**
 * "Aandacht nodig" on the CISO's compliance page: evidence that expired or expires within 30 days,
 * measures with a failing automatic check, overdue assessments of open years, overdue actions, and the
 * legal deadlines of incidents that passed or fall due within a day.
 */
export async function attentionList(ctx: OrgCtx, today = localDate()) {
  const { tx, org } = ctx;
  const evidenceRows = await selectEvidence(
    tx,
    sql`e.organisation_id = ${org.id} and e.valid_until is not null and e.valid_until <= ${addDays(today, SOON_DAYS)}`,
    sql`order by e.valid_until, e.title, e.id limit ${ATTENTION_LIMIT}`,
  );
  const failing = rowsOf<{ id: string; title: string; source: string; check: string; observedAt: string | Date }>(
    await tx.execute(sql`
      select m.id, m.title, s.source, s."check", s.observed_at as "observedAt"
      from measure_signal_state s join measures m on m.id = s.measure_id
      where s.organisation_id = ${org.id} and not s.passed
      order by m.title, m.id, s.observed_at desc, s.source, s."check"
      limit ${ATTENTION_LIMIT * 10}`),
  );
  const failingMeasures: { id: string; title: string; failing: { source: string; check: string; observedAt: string }[] }[] = [];
  for (const f of failing) {
    let m = failingMeasures.at(-1);
    if (m?.id !== f.id) {
      if (failingMeasures.length === ATTENTION_LIMIT) break;
      m = { id: f.id, title: f.title, failing: [] };
      failingMeasures.push(m);
    }
    m.failing.push({ source: f.source, check: f.check, observedAt: iso(f.observedAt)! });
  }
  const overdue = rowsOf<{ year: number; requirementId: string; frameworkId: string; ref: string; title: string; dueDate: string; result: string; ownerId: string | null; ownerName: string | null }>(
    await tx.execute(sql`
      select y.year::int as year, a.requirement_id as "requirementId", a.framework_id as "frameworkId", r.ref, r.title,
             a.due_date as "dueDate", a.result, a.owner_id as "ownerId", u.name as "ownerName"
      from requirement_assessments a
      join assessment_years y on y.id = a.year_id
      join requirements r on r.id = a.requirement_id
      left join users u on u.id = a.owner_id
      where a.organisation_id = ${org.id} and y.signed_at is null
        and a.due_date < ${today} and a.applicable and a.result <> 'voldoet'
      order by a.due_date, y.year, a.framework_id, r.position
      limit ${ATTENTION_LIMIT}`),
  );
  return {
    evidence: await presentEvidence(tx, evidenceRows, today),
    failingMeasures,
    overdueAssessments: overdue.map(({ ownerId, ownerName, ...a }) => ({ ...a, year: Number(a.year), owner: ownerId ? { id: ownerId, name: ownerName ?? '' } : null })),
    overdueActions: await overdueActions(tx, org.id, today, ATTENTION_LIMIT),
    // the legal reporting deadlines of incidents, for those who may read incidents
    incidentDeadlines: await urgentDeadlines(ctx),
  };
}
