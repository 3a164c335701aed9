import { and, eq } from 'drizzle-orm';
import type { Ctx, OrgCtx } from '../../core/http/pipeline.js';
import { orgPermissions } from '../../core/http/pipeline.js';
import { organisationLinks, organisations } from '../../core/db/schema.js';
import { badRequest, conflict } from '../../core/http/problem.js';
import type { Executor } from '../../core/db/client.js';
import type { AuditLog } from '../../core/audit/audit.js';
import { loadLinks, loadOrganisation } from './repo.js';
import { presentOrganisation } from './present.js';

export async function getOrganisation({ tx, org }: OrgCtx) {
  const o = (await loadOrganisation(tx, org.id))!;
  return presentOrganisation(o, await loadLinks(tx, org.id), orgPermissions(org));
}

export async function createOrganisation({ tx, audit }: Ctx, input: { slug: string; name: string; kind: string }) {
  const [exists] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug));
  if (exists) throw conflict(`Er bestaat al een organisatie met de korte naam "${input.slug}".`);
  const [o] = await tx.insert(organisations).values(input).returning();
  audit.record({ organisationId: o.id, entityType: 'organisation', entityId: o.id, action: 'create', after: { slug: o.slug, name: o.name, kind: o.kind } });
  return o;
}

/**
 * Name and MFA policy (the organisation's admin) and, for an installation administrator only, which CSIRT
 * the organisation reports to and which veiligheidsregio it belongs to. The caller picks the transaction:
 * a tenant transaction for settings, a system transaction when links change (installation structure).
 */
export async function updateOrganisation(
  tx: Executor,
  audit: AuditLog,
  organisationId: string,
  input: { name?: string; mfaRequired?: boolean; csirt?: string | null; veiligheidsregio?: string | null },
) {
  const before = (await loadOrganisation(tx, organisationId))!;
  if (input.name !== undefined || input.mfaRequired !== undefined) {
    const [after] = await tx
      .update(organisations)
      .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.mfaRequired !== undefined ? { mfaRequired: input.mfaRequired } : {}), updatedAt: new Date() })
      .where(eq(organisations.id, organisationId))
      .returning();
    audit.record({
      organisationId,
      entityType: 'organisation',
      entityId: organisationId,
      action: 'update',
      before: { name: before.name, mfaRequired: before.mfaRequired },
      after: { name: after.name, mfaRequired: after.mfaRequired },
    });
  }
  for (const kind of LINK_KINDS) {
    if (input[kind] === undefined) continue;
    if (!['gemeente', 'samenwerkingsverband'].includes(before.kind)) {
      throw badRequest('Alleen een gemeente of samenwerkingsverband wordt aan een CSIRT of veiligheidsregio gekoppeld.', [{ path: kind, message: 'niet van toepassing' }]);
    }
    const slug = input[kind];
    const [current] = await tx
      .select({ slug: organisations.slug })
      .from(organisationLinks)
      .innerJoin(organisations, eq(organisations.id, organisationLinks.targetId))
      .where(and(eq(organisationLinks.organisationId, organisationId), eq(organisationLinks.kind, kind)));
    await tx.delete(organisationLinks).where(and(eq(organisationLinks.organisationId, organisationId), eq(organisationLinks.kind, kind)));
    if (slug) {
      const [target] = await tx.select().from(organisations).where(eq(organisations.slug, slug));
      if (!target || target.kind !== kind) {
        throw badRequest(`"${slug}" is geen ${kind === 'csirt' ? 'CSIRT' : 'veiligheidsregio'}.`, [{ path: kind, message: 'onbekend of verkeerd soort organisatie' }]);
      }
      await tx.insert(organisationLinks).values({ organisationId, kind, targetId: target.id });
    }
    audit.record({ organisationId, entityType: 'organisation_link', entityId: `${organisationId}:${kind}`, action: 'update', before: { [kind]: current?.slug ?? null }, after: { [kind]: slug ?? null } });
  }
}

export const LINK_KINDS = ['csirt', 'veiligheidsregio'] as const;
