import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { parseJson, rowsOf, uuidArray } from '../../core/db/rows.js';
import { processingAgreements, supplierCertifications, supplierContracts, suppliers } from '../../core/db/schema.js';
import { iso } from '../../core/http/schemas.js';
import { notFound } from '../../core/http/problem.js';
import { addDays } from '../../../shared/dates.js';
import { country } from './countries.js';
import { procurementSummaries, type ProcurementAnswerRow } from './procurement-summary.js';

export type SupplierRow = typeof suppliers.$inferSelect;
export type ContractRow = typeof supplierContracts.$inferSelect;
export type AgreementRow = typeof processingAgreements.$inferSelect;
export type CertificationRow = typeof supplierCertifications.$inferSelect;

/** A contract "loopt af" when it ends within this many days. */
export const CONTRACT_ENDING_DAYS = 90;
/** A certification "verloopt binnenkort" when it expires within this many days. */
export const CERTIFICATION_SOON_DAYS = 60;

export const CERTIFICATION_LABELS: Record<string, string> = {
  iso27001: 'ISO/IEC 27001',
  isae3402: 'ISAE 3402',
  soc2: 'SOC 2',
  nen7510: 'NEN 7510',
  anders: 'certificering',
};
export const certificationLabel = (c: { kind: string; name: string }) => (c.name ? `${CERTIFICATION_LABELS[c.kind] ?? c.kind} (${c.name})` : (CERTIFICATION_LABELS[c.kind] ?? c.kind));

export async function loadSupplier(tx: Executor, organisationId: string, id: string): Promise<SupplierRow | undefined> {
  const [row] = await tx.select().from(suppliers).where(and(eq(suppliers.organisationId, organisationId), eq(suppliers.id, id)));
  return row;
}

export async function requireSupplier(tx: Executor, organisationId: string, id: string): Promise<SupplierRow> {
  const row = await loadSupplier(tx, organisationId, id);
  if (!row) throw notFound();
  return row;
}

export function highRiskReasons(s: Pick<SupplierRow, 'countryOfOrigin' | 'processingCountries'>, list: Map<string, string>) {
  const out: { country: { code: string; name: string }; role: 'herkomst' | 'verwerking'; reason: string }[] = [];
  if (s.countryOfOrigin && list.has(s.countryOfOrigin)) out.push({ country: country(s.countryOfOrigin), role: 'herkomst', reason: list.get(s.countryOfOrigin)! });
  for (const c of s.processingCountries) if (list.has(c)) out.push({ country: country(c), role: 'verwerking', reason: list.get(c)! });
  return out;
}

export function certificationStatus(validUntil: string | null, today: string) {
  if (!validUntil) return 'onbekend' as const;
  if (validUntil < today) return 'verlopen' as const;
  if (validUntil <= addDays(today, CERTIFICATION_SOON_DAYS)) return 'verloopt_binnenkort' as const;
  return 'geldig' as const;
}

export const noticeDeadline = (c: Pick<ContractRow, 'endDate' | 'noticePeriodDays'>) => (c.endDate ? addDays(c.endDate, -(c.noticePeriodDays ?? 0)) : null);

export function presentContract(c: ContractRow) {
  return {
    id: c.id,
    title: c.title,
    startDate: c.startDate,
    endDate: c.endDate,
    valueCents: c.valueCents,
    noticePeriodDays: c.noticePeriodDays,
    noticeDeadline: noticeDeadline(c),
    exitPlan: c.exitPlan,
    createdAt: iso(c.createdAt)!,
  };
}

export function presentAgreement(a: AgreementRow) {
  return { id: a.id, signed: a.signed, signedOn: a.signedOn, model: a.model as 'vng_model' | 'anders', modelVersion: a.modelVersion, notes: a.notes, createdAt: iso(a.createdAt)! };
}

export function presentCertification(c: CertificationRow, today: string) {
  return { id: c.id, kind: c.kind as any, name: c.name, validUntil: c.validUntil, status: certificationStatus(c.validUntil, today), createdAt: iso(c.createdAt)! };
}

function warningsOf(s: SupplierRow, contracts: ContractRow[], agreements: AgreementRow[], certs: CertificationRow[], today: string) {
  const out: { code: 'verwerkersovereenkomst_ontbreekt' | 'certificering_verlopen' | 'contract_loopt_af'; message: string }[] = [];
  if (s.processesPersonalData && !agreements.some((a) => a.signed)) {
    out.push({ code: 'verwerkersovereenkomst_ontbreekt', message: 'Deze leverancier verwerkt persoonsgegevens, maar er is geen ondertekende verwerkersovereenkomst vastgelegd.' });
  }
  const expired = certs.filter((c) => c.validUntil && c.validUntil < today);
  if (expired.length) {
    out.push({ code: 'certificering_verlopen', message: `Verlopen: ${expired.map((c) => `${certificationLabel(c)} (geldig tot ${c.validUntil})`).join(', ')}.` });
  }
  const horizon = addDays(today, CONTRACT_ENDING_DAYS);
  const ending = contracts.filter((c) => c.endDate && c.endDate >= today && c.endDate <= horizon);
  if (ending.length) {
    out.push({ code: 'contract_loopt_af', message: `Loopt binnen ${CONTRACT_ENDING_DAYS} dagen af: ${ending.map((c) => `"${c.title}" op ${c.endDate}`).join(', ')}.` });
  }
  return out;
}

interface Dossier {
  contracts: ContractRow[];
  agreements: AgreementRow[];
  certifications: CertificationRow[];
  /** the suppliers on either side of a sub-processor edge */
  subprocessors: SupplierRef[];
  subprocessorOf: SupplierRef[];
  answers: ProcurementAnswerRow[];
}
interface SupplierRef {
  id: string;
  name: string;
  countryOfOrigin: string | null;
  processingCountries: string[];
}
type Edge = SupplierRef & { supplierId: string };

const REF = (alias: string) => sql.raw(`'id', ${alias}.id, 'name', ${alias}.name, 'countryOfOrigin', ${alias}.country_of_origin, 'processingCountries', ${alias}.processing_countries`);

/**
 * Everything a supplier DTO shows besides the supplier row, for all these suppliers in one statement
 * (a list page is one round trip, not one per part): per part one index scan over all the ids, plus the
 * installation's high-risk list.
 */
async function loadDossiers(tx: Executor, organisationId: string, ids: string[]) {
  const idList = uuidArray(ids);
  const [r] = rowsOf<Record<'contracts' | 'agreements' | 'certifications' | 'subprocessors' | 'subprocessorOf' | 'answers' | 'highRisk', unknown>>(
    await tx.execute(sql`
      select
        (select json_agg(json_build_object('id', c.id, 'supplierId', c.supplier_id, 'title', c.title, 'startDate', c.start_date, 'endDate', c.end_date,
            'valueCents', c.value_cents, 'noticePeriodDays', c.notice_period_days, 'exitPlan', c.exit_plan, 'createdAt', c.created_at)
            order by c.end_date asc nulls last, c.created_at, c.id)
         from supplier_contracts c where c.organisation_id = ${organisationId} and c.supplier_id = any(${idList}::uuid[])) as contracts,
        (select json_agg(json_build_object('id', a.id, 'supplierId', a.supplier_id, 'signed', a.signed, 'signedOn', a.signed_on, 'model', a.model,
            'modelVersion', a.model_version, 'notes', a.notes, 'createdAt', a.created_at) order by a.created_at, a.id)
         from processing_agreements a where a.organisation_id = ${organisationId} and a.supplier_id = any(${idList}::uuid[])) as agreements,
        (select json_agg(json_build_object('id', c.id, 'supplierId', c.supplier_id, 'kind', c.kind, 'name', c.name, 'validUntil', c.valid_until, 'createdAt', c.created_at)
            order by c.valid_until asc nulls last, c.id)
         from supplier_certifications c where c.organisation_id = ${organisationId} and c.supplier_id = any(${idList}::uuid[])) as certifications,
        (select json_agg(json_build_object('supplierId', e.supplier_id, ${REF('x')}))
         from supplier_subprocessors e join suppliers x on x.id = e.subprocessor_id
         where e.organisation_id = ${organisationId} and e.supplier_id = any(${idList}::uuid[])) as subprocessors,
        (select json_agg(json_build_object('supplierId', e.subprocessor_id, ${REF('x')}))
         from supplier_subprocessors e join suppliers x on x.id = e.supplier_id
         where e.organisation_id = ${organisationId} and e.subprocessor_id = any(${idList}::uuid[])) as "subprocessorOf",
        (select json_agg(json_build_object('supplierId', r.supplier_id, 'requirementId', r.requirement_id, 'answer', r.answer))
         from supplier_requirement_answers r where r.organisation_id = ${organisationId} and r.supplier_id = any(${idList}::uuid[])) as answers,
        (select json_object_agg(h.country_code, h.reason) from high_risk_countries h) as "highRisk"`),
  );
  const dossiers = new Map<string, Dossier>(ids.map((id) => [id, { contracts: [], agreements: [], certifications: [], subprocessors: [], subprocessorOf: [], answers: [] }]));
  const spread = <K extends keyof Dossier>(key: K, rows: (Dossier[K][number] & { supplierId: string })[] | null) => {
    for (const row of rows ?? []) (dossiers.get(row.supplierId)?.[key] as unknown[] | undefined)?.push(row);
  };
  spread('contracts', parseJson(r.contracts));
  spread('agreements', parseJson(r.agreements));
  spread('certifications', parseJson(r.certifications));
  spread('subprocessors', parseJson<Edge[] | null>(r.subprocessors));
  spread('subprocessorOf', parseJson<Edge[] | null>(r.subprocessorOf));
  spread('answers', parseJson(r.answers));
  return { dossiers, highRisk: new Map(Object.entries(parseJson<Record<string, string> | null>(r.highRisk) ?? {})) };
}

/** Supplier DTOs with their contracts, agreements, certifications, sub-processors, high-risk reasons and warnings. */
export async function presentSuppliers(tx: Executor, organisationId: string, rows: SupplierRow[], today: string) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const { dossiers, highRisk: list } = await loadDossiers(tx, organisationId, ids);
  const procurement = await procurementSummaries(tx, [...dossiers.values()].flatMap((d) => d.answers));
  return rows.map((s) => {
    const d = dossiers.get(s.id)!;
    const ref = (x: SupplierRef) => ({ id: x.id, name: x.name, highRisk: highRiskReasons(x, list).length > 0 });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
    const reasons = highRiskReasons(s, list);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      website: s.website,
      registrationNumber: s.registrationNumber,
      countryOfOrigin: s.countryOfOrigin ? country(s.countryOfOrigin) : null,
      processingCountries: s.processingCountries.map(country),
      processesPersonalData: s.processesPersonalData,
      highRisk: reasons.length > 0,
      highRiskReasons: reasons,
      warnings: warningsOf(s, d.contracts, d.agreements, d.certifications, today),
      contracts: d.contracts.map(presentContract),
      processingAgreements: d.agreements.map(presentAgreement),
      certifications: d.certifications.map((c) => presentCertification(c, today)),
      subprocessors: d.subprocessors.map(ref).sort(byName),
      subprocessorOf: d.subprocessorOf.map(ref).sort(byName),
      procurement: procurement.get(s.id) ?? [],
      createdAt: iso(s.createdAt)!,
      updatedAt: iso(s.updatedAt)!,
    };
  });
}

/** The supplier's dossier changed (a contract, agreement, certification or sub-processor): bump updatedAt. */
export async function touchSupplier(tx: Executor, organisationId: string, id: string) {
  await tx.update(suppliers).set({ updatedAt: new Date() }).where(and(eq(suppliers.organisationId, organisationId), eq(suppliers.id, id)));
}
