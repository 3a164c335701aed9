import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { rowsOf } from '../../core/db/rows.js';
import { localDate, ZONE } from '../../../shared/dates.js';
import { RISK_LEVELS, type RiskLevel } from '../../../shared/risk-matrix.js';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Europe/Amsterdam is ahead of UTC at this moment, in ms. */
function zoneOffset(at: Date): number {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The moment a calendar day (YYYY-MM-DD) begins in Europe/Amsterdam. */
export function localMidnight(date: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let t = guess - zoneOffset(new Date(guess));
  const again = guess - zoneOffset(new Date(t));
  if (again !== t) t = again;
  return new Date(t);
}

/** The last `n` months up to and including the month of `today`, oldest first, with the moment each one ends. */
export function monthsUpTo(today: string, n: number): { month: string; end: Date }[] {
  const [y, m] = today.split('-').map(Number);
  const out: { month: string; end: Date }[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const first = new Date(Date.UTC(y, m - 1 - k, 1));
    const next = new Date(Date.UTC(y, m - k, 1));
    out.push({ month: first.toISOString().slice(0, 7), end: localMidnight(next.toISOString().slice(0, 10)) });
  }
  return out;
}

const zero = () => Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;

/**
 * The state of the register at the end of each month (per risk its last history row by then): the number
 * of open risks and their inherent and residual levels. Computed from the history alone, so deleted
 * risks drop out and backdated history counts where it belongs.
 */
export async function riskTrend(ctx: OrgCtx, q: { months: number }, today = localDate()) {
  const months = monthsUpTo(today, q.months);
  const rows = rowsOf<{ month: string; inherent: RiskLevel; residual: RiskLevel; n: number }>(
    await ctx.tx.execute(sql`
      select m.month, h.inherent_level as inherent, h.residual_level as residual, count(*)::int as n
      from unnest(${`{${months.map((x) => x.month).join(',')}}`}::text[], ${`{${months.map((x) => `"${x.end.toISOString()}"`).join(',')}}`}::timestamptz[]) as m(month, end_at)
      cross join lateral (
        select distinct on (h.risk_id) h.status, h.inherent_level, h.residual_level
        from risk_score_history h
        where h.organisation_id = ${ctx.org.id} and h.at < m.end_at
        order by h.risk_id, h.at desc, h.id desc
      ) h
      where h.status = 'open'
      group by 1, 2, 3`),
  );
  return {
    months: months.map(({ month }) => {
      const inherent = zero();
      const residual = zero();
      let open = 0;
      for (const r of rows.filter((x) => x.month === month)) {
        const n = Number(r.n);
        open += n;
        if (r.inherent in inherent) inherent[r.inherent] += n;
        if (r.residual in residual) residual[r.residual] += n;
      }
      return { month, open, inherent, residual };
    }),
  };
}
