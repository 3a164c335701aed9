import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { assets, users } from '../../core/db/schema.js';
import { iso } from '../../core/http/schemas.js';
import { orderCategories, type AssetFields } from './rules.js';

export type AssetRow = typeof assets.$inferSelect;

export const FIELD_NAMES: (keyof AssetFields)[] = [
  'kind',
  'name',
  'description',
  'ownerId',
  'criticality',
  'availability',
  'integrity',
  'confidentiality',
  'personalData',
  'personalDataCategories',
  'rtoHours',
  'rpoHours',
  'mtdHours',
  'vendor',
  'product',
  'version',
  'cpe',
  'purl',
  'otType',
  'remoteAccess',
  'remoteAccessHow',
  'location',
];

/** The fields of a stored asset (numbers as numbers, categories in their fixed order). */
export function fieldsOf(r: AssetRow): AssetFields {
  return {
    kind: r.kind,
    name: r.name,
    description: r.description,
    ownerId: r.ownerId,
    criticality: r.criticality,
    availability: r.availability,
    integrity: r.integrity,
    confidentiality: r.confidentiality,
    personalData: r.personalData,
    personalDataCategories: orderCategories(r.personalDataCategories ?? []),
    rtoHours: r.rtoHours == null ? null : Number(r.rtoHours),
    rpoHours: r.rpoHours == null ? null : Number(r.rpoHours),
    mtdHours: r.mtdHours == null ? null : Number(r.mtdHours),
    vendor: r.vendor,
    product: r.product,
    version: r.version,
    cpe: r.cpe,
    purl: r.purl,
    otType: r.otType,
    remoteAccess: r.remoteAccess,
    remoteAccessHow: r.remoteAccessHow,
    location: r.location,
  };
}

export const EMPTY: Omit<AssetFields, 'kind' | 'name'> = {
  description: '',
  ownerId: null,
  criticality: null,
  availability: null,
  integrity: null,
  confidentiality: null,
  personalData: false,
  personalDataCategories: [],
  rtoHours: null,
  rpoHours: null,
  mtdHours: null,
  vendor: null,
  product: null,
  version: null,
  cpe: null,
  purl: null,
  otType: null,
  remoteAccess: null,
  remoteAccessHow: null,
  location: null,
};

/** Empty strings in optional text fields are stored as null. */
export function normalise(a: AssetFields): AssetFields {
  const out = { ...a, name: a.name.trim(), personalDataCategories: orderCategories(a.personalDataCategories) };
  for (const f of ['vendor', 'product', 'version', 'cpe', 'purl', 'remoteAccessHow', 'location'] as const) {
    const v = out[f]?.trim();
    out[f] = v ? v : null;
  }
  return out;
}

export async function loadAsset(tx: Executor, organisationId: string, id: string): Promise<AssetRow | null> {
  const [a] = await tx.select().from(assets).where(and(eq(assets.id, id), eq(assets.organisationId, organisationId)));
  return a ?? null;
}

/** Another asset of the same kind with the same name (case-insensitive): the import matches on kind + name. */
export async function sameName(tx: Executor, organisationId: string, kind: string, name: string, exceptId?: string) {
  const [a] = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.organisationId, organisationId), eq(assets.kind, kind), sql`lower(${assets.name}) = ${name.trim().toLowerCase()}`, exceptId ? ne(assets.id, exceptId) : undefined))
    .limit(1);
  return a ?? null;
}

/** Owners by id (members only: the users RLS policy shows only members of the organisation). */
export async function ownersById(tx: Executor, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((u) => [u.id, u]));
}

/** `owners`: when the caller loaded them with the rows; otherwise one query here. */
export async function presentAssets(tx: Executor, rows: AssetRow[], knownOwners?: Map<string, { id: string; name: string; email: string }>) {
  const owners =
    knownOwners ??
    (await ownersById(
      tx,
      rows.map((r) => r.ownerId),
    ));
  return rows.map((r) => {
    const { ownerId: _, ...f } = fieldsOf(r);
    return {
      id: r.id,
      ...f,
      kind: f.kind as any,
      criticality: f.criticality as any,
      availability: f.availability as any,
      integrity: f.integrity as any,
      confidentiality: f.confidentiality as any,
      otType: f.otType as any,
      personalDataCategories: f.personalDataCategories as any[],
      owner: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
    };
  });
}
