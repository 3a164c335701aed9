import { and, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { processingAgreements, supplierCertifications, supplierContracts, supplierSubprocessors } from '../../core/db/schema.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import { localDate } from '../../../shared/dates.js';
import { loadSupplier, presentSuppliers, requireSupplier, touchSupplier, type AgreementRow, type CertificationRow, type ContractRow } from './repo.js';

/*
 * The parts of a supplier's dossier: contracts, verwerkersovereenkomsten, certifications and
 * sub-processors. Every change answers with the whole supplier (its warnings may have changed).
 */

async function supplierDto(ctx: OrgCtx, supplierId: string) {
  const s = await requireSupplier(ctx.tx, ctx.org.id, supplierId);
  return (await presentSuppliers(ctx.tx, ctx.org.id, [s], localDate()))[0];
}

/* ---------- contracts ---------- */

interface ContractInput {
  title?: string;
  startDate?: string | null;
  endDate?: string | null;
  valueCents?: number | null;
  noticePeriodDays?: number | null;
  exitPlan?: string;
}

function checkPeriod(c: { startDate: string | null; endDate: string | null }) {
  if (c.startDate && c.endDate && c.endDate < c.startDate) {
    throw badRequest('De einddatum ligt vóór de begindatum.', [{ path: 'body.endDate', message: 'ligt vóór de begindatum' }]);
  }
}

const contractFields = (c: ContractRow) => ({
  title: c.title,
  startDate: c.startDate,
  endDate: c.endDate,
  valueCents: c.valueCents,
  noticePeriodDays: c.noticePeriodDays,
  exitPlan: c.exitPlan,
});

export async function addContract(ctx: OrgCtx, supplierId: string, input: ContractInput & { title: string }) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const values = {
    title: input.title,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    valueCents: input.valueCents ?? null,
    noticePeriodDays: input.noticePeriodDays ?? null,
    exitPlan: input.exitPlan ?? '',
  };
  checkPeriod(values);
  const [c] = await tx.insert(supplierContracts).values({ organisationId: org.id, supplierId, ...values }).returning();
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_contract', entityId: c.id, action: 'create', after: { supplier: s.name, ...contractFields(c) } });
  return supplierDto(ctx, supplierId);
}

async function requireContract(ctx: OrgCtx, supplierId: string, contractId: string) {
  const [c] = await ctx.tx
    .select()
    .from(supplierContracts)
    .where(and(eq(supplierContracts.organisationId, ctx.org.id), eq(supplierContracts.supplierId, supplierId), eq(supplierContracts.id, contractId)));
  if (!c) throw notFound();
  return c;
}

export async function updateContract(ctx: OrgCtx, supplierId: string, contractId: string, input: ContractInput) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const before = await requireContract(ctx, supplierId, contractId);
  checkPeriod({ startDate: input.startDate !== undefined ? input.startDate : before.startDate, endDate: input.endDate !== undefined ? input.endDate : before.endDate });
  const [after] = await tx.update(supplierContracts).set(input).where(and(eq(supplierContracts.organisationId, org.id), eq(supplierContracts.id, contractId))).returning();
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_contract', entityId: contractId, action: 'update', before: { supplier: s.name, ...contractFields(before) }, after: { supplier: s.name, ...contractFields(after) } });
  return supplierDto(ctx, supplierId);
}

export async function deleteContract(ctx: OrgCtx, supplierId: string, contractId: string) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const before = await requireContract(ctx, supplierId, contractId);
  await tx.delete(supplierContracts).where(and(eq(supplierContracts.organisationId, org.id), eq(supplierContracts.id, contractId)));
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_contract', entityId: contractId, action: 'delete', before: { supplier: s.name, ...contractFields(before) } });
}

/* ---------- verwerkersovereenkomsten ---------- */

interface AgreementInput {
  signed?: boolean;
  signedOn?: string | null;
  model?: string;
  modelVersion?: string | null;
  notes?: string;
}

function checkSigned(a: { signed: boolean; signedOn: string | null }) {
  if (!a.signed && a.signedOn) {
    throw badRequest('Een niet-ondertekende verwerkersovereenkomst heeft geen ondertekeningsdatum.', [{ path: 'body.signedOn', message: 'alleen bij signed: true' }]);
  }
  if (a.signedOn && a.signedOn > localDate()) {
    throw badRequest('De ondertekeningsdatum ligt in de toekomst.', [{ path: 'body.signedOn', message: 'ligt in de toekomst' }]);
  }
}

const agreementFields = (a: AgreementRow) => ({ signed: a.signed, signedOn: a.signedOn, model: a.model, modelVersion: a.modelVersion, notes: a.notes });

export async function addAgreement(ctx: OrgCtx, supplierId: string, input: AgreementInput & { signed: boolean; model: string }) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const values = { signed: input.signed, signedOn: input.signedOn ?? null, model: input.model, modelVersion: input.modelVersion ?? null, notes: input.notes ?? '' };
  checkSigned(values);
  const [a] = await tx.insert(processingAgreements).values({ organisationId: org.id, supplierId, ...values }).returning();
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'processing_agreement', entityId: a.id, action: 'create', after: { supplier: s.name, ...agreementFields(a) } });
  return supplierDto(ctx, supplierId);
}

async function requireAgreement(ctx: OrgCtx, supplierId: string, agreementId: string) {
  const [a] = await ctx.tx
    .select()
    .from(processingAgreements)
    .where(and(eq(processingAgreements.organisationId, ctx.org.id), eq(processingAgreements.supplierId, supplierId), eq(processingAgreements.id, agreementId)));
  if (!a) throw notFound();
  return a;
}

export async function updateAgreement(ctx: OrgCtx, supplierId: string, agreementId: string, input: AgreementInput) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const before = await requireAgreement(ctx, supplierId, agreementId);
  const signed = input.signed ?? before.signed;
  // withdrawing the signature also clears its date, unless a date is given (which checkSigned then refuses)
  const signedOn = input.signedOn !== undefined ? input.signedOn : signed ? before.signedOn : null;
  checkSigned({ signed, signedOn });
  const [after] = await tx
    .update(processingAgreements)
    .set({ ...input, signedOn })
    .where(and(eq(processingAgreements.organisationId, org.id), eq(processingAgreements.id, agreementId)))
    .returning();
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'processing_agreement', entityId: agreementId, action: 'update', before: { supplier: s.name, ...agreementFields(before) }, after: { supplier: s.name, ...agreementFields(after) } });
  return supplierDto(ctx, supplierId);
}

export async function deleteAgreement(ctx: OrgCtx, supplierId: string, agreementId: string) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const before = await requireAgreement(ctx, supplierId, agreementId);
  await tx.delete(processingAgreements).where(and(eq(processingAgreements.organisationId, org.id), eq(processingAgreements.id, agreementId)));
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'processing_agreement', entityId: agreementId, action: 'delete', before: { supplier: s.name, ...agreementFields(before) } });
}

/* ---------- certifications ---------- */

interface CertificationInput {
  kind?: string;
  name?: string;
  validUntil?: string | null;
}

const certificationFields = (c: CertificationRow) => ({ kind: c.kind, name: c.name, validUntil: c.validUntil });

export async function addCertification(ctx: OrgCtx, supplierId: string, input: CertificationInput & { kind: string }) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const [c] = await tx
    .insert(supplierCertifications)
    .values({ organisationId: org.id, supplierId, kind: input.kind, name: input.name ?? '', validUntil: input.validUntil ?? null })
    .returning();
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_certification', entityId: c.id, action: 'create', after: { supplier: s.name, ...certificationFields(c) } });
  return supplierDto(ctx, supplierId);
}

async function requireCertification(ctx: OrgCtx, supplierId: string, certificationId: string) {
  const [c] = await ctx.tx
    .select()
    .from(supplierCertifications)
    .where(and(eq(supplierCertifications.organisationId, ctx.org.id), eq(supplierCertifications.supplierId, supplierId), eq(supplierCertifications.id, certificationId)));
  if (!c) throw notFound();
  return c;
}

export async function updateCertification(ctx: OrgCtx, supplierId: string, certificationId: string, input: CertificationInput) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const before = await requireCertification(ctx, supplierId, certificationId);
  const [after] = await tx
    .update(supplierCertifications)
    .set(input)
    .where(and(eq(supplierCertifications.organisationId, org.id), eq(supplierCertifications.id, certificationId)))
    .returning();
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_certification', entityId: certificationId, action: 'update', before: { supplier: s.name, ...certificationFields(before) }, after: { supplier: s.name, ...certificationFields(after) } });
  return supplierDto(ctx, supplierId);
}

export async function deleteCertification(ctx: OrgCtx, supplierId: string, certificationId: string) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const before = await requireCertification(ctx, supplierId, certificationId);
  await tx.delete(supplierCertifications).where(and(eq(supplierCertifications.organisationId, org.id), eq(supplierCertifications.id, certificationId)));
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_certification', entityId: certificationId, action: 'delete', before: { supplier: s.name, ...certificationFields(before) } });
}

/* ---------- sub-processors: another supplier of the same organisation ---------- */

export async function addSubprocessor(ctx: OrgCtx, supplierId: string, subprocessorId: string) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  if (subprocessorId === supplierId) {
    throw badRequest('Een leverancier is geen subverwerker van zichzelf.', [{ path: 'path.subprocessorId', message: 'gelijk aan de leverancier' }]);
  }
  const sub = await loadSupplier(tx, org.id, subprocessorId);
  if (!sub) throw notFound('Deze subverwerker is geen leverancier van uw organisatie.');
  const added = await tx
    .insert(supplierSubprocessors)
    .values({ organisationId: org.id, supplierId, subprocessorId })
    .onConflictDoNothing()
    .returning({ supplierId: supplierSubprocessors.supplierId });
  if (added.length) {
    await touchSupplier(tx, org.id, supplierId);
    audit.record({ organisationId: org.id, entityType: 'supplier_subprocessor', entityId: `${supplierId}:${subprocessorId}`, action: 'create', after: { supplier: s.name, subprocessor: sub.name } });
  }
  return supplierDto(ctx, supplierId);
}

export async function removeSubprocessor(ctx: OrgCtx, supplierId: string, subprocessorId: string) {
  const { tx, org, audit } = ctx;
  const s = await requireSupplier(tx, org.id, supplierId);
  const removed = await tx
    .delete(supplierSubprocessors)
    .where(and(eq(supplierSubprocessors.organisationId, org.id), eq(supplierSubprocessors.supplierId, supplierId), eq(supplierSubprocessors.subprocessorId, subprocessorId)))
    .returning({ subprocessorId: supplierSubprocessors.subprocessorId });
  if (!removed.length) throw notFound('Deze leverancier is geen subverwerker van deze leverancier.');
  const sub = await loadSupplier(tx, org.id, subprocessorId);
  await touchSupplier(tx, org.id, supplierId);
  audit.record({ organisationId: org.id, entityType: 'supplier_subprocessor', entityId: `${supplierId}:${subprocessorId}`, action: 'delete', before: { supplier: s.name, subprocessor: sub?.name ?? subprocessorId } });
}
