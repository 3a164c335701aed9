import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { rowsOf } from '../../core/db/rows.js';
import { iso } from '../../core/http/schemas.js';
import { evidenceStatus, type EvidenceStatus } from './evidence-status.js';

export interface EvidenceRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  storageKey: string | null;
  validFrom: string | null;
  validUntil: string | null;
  createdAt: Date | string;
  /** created_at with microseconds, for the cursor */
  createdKey: string;
  createdBy: string | null;
  createdByName: string | null;
}

export const EVIDENCE_SELECT = sql`
  select e.id, e.kind, e.title, e.description, e.url, e.file_name as "fileName", e.media_type as "mediaType",
         e.size_bytes::float8 as "sizeBytes", e.sha256, e.storage_key as "storageKey", e.valid_from as "validFrom",
         e.valid_until as "validUntil", e.created_at as "createdAt",
         to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdKey",
         e.created_by as "createdBy", u.name as "createdByName"
  from evidence e left join users u on u.id = e.created_by`;

export async function selectEvidence(tx: Executor, where: SQL, tail: SQL = sql``): Promise<EvidenceRow[]> {
  return rowsOf<EvidenceRow>(await tx.execute(sql`${EVIDENCE_SELECT} where ${where} ${tail}`));
}

export async function loadEvidence(tx: Executor, organisationId: string, id: string): Promise<EvidenceRow | null> {
  const [row] = await selectEvidence(tx, sql`e.organisation_id = ${organisationId} and e.id = ${id}`);
  return row ?? null;
}

export type EvidencePresented = Awaited<ReturnType<typeof presentEvidence>>[number];

/** Evidence with its links to measures and assessments: two queries for the whole page. */
export async function presentEvidence(tx: Executor, rows: EvidenceRow[], today: string) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const measureLinks = rowsOf<{ evidenceId: string; id: string; title: string }>(
    await tx.execute(sql`
      select me.evidence_id as "evidenceId", m.id, m.title
      from measure_evidence me join measures m on m.id = me.measure_id
      where me.evidence_id in ${ids} order by m.title, m.id`),
  );
  const assessmentLinks = rowsOf<{ evidenceId: string; year: number; requirementId: string; frameworkId: string; ref: string }>(
    await tx.execute(sql`
      select ae.evidence_id as "evidenceId", y.year::int as year, ae.requirement_id as "requirementId", r.framework_id as "frameworkId", r.ref
      from assessment_evidence ae join assessment_years y on y.id = ae.year_id join requirements r on r.id = ae.requirement_id
      where ae.evidence_id in ${ids} order by y.year desc, r.framework_id, r.position`),
  );
  const group = <T extends { evidenceId: string }>(list: T[]) => {
    const m = new Map<string, Omit<T, 'evidenceId'>[]>();
    for (const { evidenceId, ...rest } of list) m.set(evidenceId, [...(m.get(evidenceId) ?? []), rest]);
    return m;
  };
  const byMeasure = group(measureLinks);
  const byAssessment = group(assessmentLinks);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'file' | 'link' | 'signal',
    title: r.title,
    description: r.description,
    url: r.url,
    fileName: r.fileName,
    mediaType: r.mediaType,
    sizeBytes: r.sizeBytes == null ? null : Number(r.sizeBytes),
    sha256: r.sha256,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status: evidenceStatus(r.validUntil, today) as EvidenceStatus,
    createdAt: iso(r.createdAt)!,
    createdBy: r.createdBy ? { id: r.createdBy, name: r.createdByName ?? 'voormalig lid' } : null,
    measures: byMeasure.get(r.id) ?? [],
    assessments: (byAssessment.get(r.id) ?? []).map((a) => ({ ...a, year: Number(a.year) })),
  }));
}
