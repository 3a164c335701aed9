import type { Executor } from '../../core/db/client.js';
import { procurementSetsOf } from '../compliance/procurement-library.js';
import { PROCUREMENT_ANSWERS } from './procurement-schemas.js';

type ProcurementAnswer = (typeof PROCUREMENT_ANSWERS)[number];
export type ProcurementSummary = Record<ProcurementAnswer | 'unanswered', number>;
type Summary = ProcurementSummary;

export const emptySummary = (): Summary => ({ voldoet: 0, voldoet_deels: 0, voldoet_niet: 0, niet_van_toepassing: 0, onbekend: 0, unanswered: 0 });

export interface ProcurementAnswerRow {
  supplierId: string;
  requirementId: string;
  answer: ProcurementAnswer;
}

/**
 * For the supplier DTO: per supplier, the sets it has at least one answer in, with the summary, from the
 * answers the caller loaded with the suppliers; the library is asked only when there are answers.
 */
export async function procurementSummaries(tx: Executor, rows: ProcurementAnswerRow[]) {
  const out = new Map<string, { setId: string; title: string; summary: Summary }[]>();
  if (rows.length === 0) return out;
  const { sets, setOf, sizes } = await procurementSetsOf(
    tx,
    rows.map((r) => r.requirementId),
  );
  const bySupplier = new Map<string, Map<string, Summary>>();
  for (const r of rows) {
    const setId = setOf.get(r.requirementId);
    if (!setId) continue; // a requirement that was removed from its set
    const perSet = bySupplier.get(r.supplierId) ?? new Map<string, Summary>();
    const s = perSet.get(setId) ?? emptySummary();
    s[r.answer]++;
    perSet.set(setId, s);
    bySupplier.set(r.supplierId, perSet);
  }
  for (const [supplierId, perSet] of bySupplier) {
    out.set(
      supplierId,
      sets
        .filter((set) => perSet.has(set.id))
        .map((set) => {
          const s = perSet.get(set.id)!;
          const answered = PROCUREMENT_ANSWERS.reduce((n, k) => n + s[k], 0);
          return { setId: set.id, title: set.title, summary: { ...s, unanswered: Math.max(0, (sizes.get(set.id) ?? 0) - answered) } };
        }),
    );
  }
  return out;
}
