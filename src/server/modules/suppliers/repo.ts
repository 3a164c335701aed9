import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import {
  highRiskCountries,
  processingAgreements,
  supplierCertifications,
  supplierContracts,
  suppliers,
  supplierSubprocessors,
} from '../../core/db/schema.js';
import { iso } from '../../core/http/schemas.js';
import { notFound } from '../../core/http/problem.js';
import { addDays } from '../../../shared/dates.js';
import { country } from './countries.js';
import { procurementSummaries } from './procurement-summary.js';

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

/** The installation's high-risk list: country code → reason. */
export async function highRiskList(tx: Executor): Promise<Map<string, string>> {
  const rows = await tx.select({ code: highRiskCountries.countryCode, reason: highRiskCountries.reason }).from(highRiskCountries);
  return new Map(rows.map((r) => [r.code, r.reason]));
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

function groupBy<T extends { supplierId: string }>(rows: T[]) {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.supplierId, [...(m.get(r.supplierId) ?? []), r]);
  return m;
}

/** Supplier DTOs with their contracts, agreements, certifications, sub-processors, high-risk reasons and warnings. */
export async function presentSuppliers(tx: Executor, organisationId: string, rows: SupplierRow[], today: string) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // one after another: a transaction is one connection
  const contracts = await tx
    .select()
    .from(supplierContracts)
    .where(and(eq(supplierContracts.organisationId, organisationId), inArray(supplierContracts.supplierId, ids)))
    .orderBy(sql`${supplierContracts.endDate} asc nulls last`, asc(supplierContracts.createdAt), asc(supplierContracts.id));
  const agreements = await tx
    .select()
    .from(processingAgreements)
    .where(and(eq(processingAgreements.organisationId, organisationId), inArray(processingAgreements.supplierId, ids)))
    .orderBy(asc(processingAgreements.createdAt), asc(processingAgreements.id));
  const certs = await tx
    .select()
    .from(supplierCertifications)
    .where(and(eq(supplierCertifications.organisationId, organisationId), inArray(supplierCertifications.supplierId, ids)))
    .orderBy(sql`${supplierCertifications.validUntil} asc nulls last`, asc(supplierCertifications.id));
  const edges = await tx
    .select({ supplierId: supplierSubprocessors.supplierId, subprocessorId: supplierSubprocessors.subprocessorId })
    .from(supplierSubprocessors)
    .where(and(eq(supplierSubprocessors.organisationId, organisationId), or(inArray(supplierSubprocessors.supplierId, ids), inArray(supplierSubprocessors.subprocessorId, ids))));
  const list = await highRiskList(tx);
  const procurement = await procurementSummaries(tx, organisationId, ids);
  const known = new Map(rows.map((r) => [r.id, r]));
  const otherIds = [...new Set(edges.flatMap((e) => [e.supplierId, e.subprocessorId]))].filter((id) => !known.has(id));
  if (otherIds.length) {
    for (const r of await tx.select().from(suppliers).where(and(eq(suppliers.organisationId, organisationId), inArray(suppliers.id, otherIds)))) known.set(r.id, r);
  }
  const ref = (id: string) => {
    const s = known.get(id)!;
    return { id: s.id, name: s.name, highRisk: highRiskReasons(s, list).length > 0 };
  };
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
  const cBy = groupBy(contracts);
  const aBy = groupBy(agreements);
  const certBy = groupBy(certs);
  return rows.map((s) => {
    const reasons = highRiskReasons(s, list);
    const sc = cBy.get(s.id) ?? [];
    const sa = aBy.get(s.id) ?? [];
    const scert = certBy.get(s.id) ?? [];
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
      warnings: warningsOf(s, sc, sa, scert, today),
      contracts: sc.map(presentContract),
      processingAgreements: sa.map(presentAgreement),
      certifications: scert.map((c) => presentCertification(c, today)),
      subprocessors: edges.filter((e) => e.supplierId === s.id && known.has(e.subprocessorId)).map((e) => ref(e.subprocessorId)).sort(byName),
      subprocessorOf: edges.filter((e) => e.subprocessorId === s.id && known.has(e.supplierId)).map((e) => ref(e.supplierId)).sort(byName),
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
