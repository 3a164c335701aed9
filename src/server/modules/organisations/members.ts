import { and, eq, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { memberships } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { conflict, notFound } from '../../core/http/problem.js';
import type { Role } from '../../../shared/roles.js';
import { findMembership, listMembers } from './repo.js';
import { assertKeepsAnAdmin, assertRolesFit } from './roles.js';

export async function getMembers({ tx, org }: OrgCtx) {
  return { items: await listMembers(tx, org.id) };
}

/** Adds an existing account (found by exact e-mail) to the organisation. */
export async function addMember(ctx: OrgCtx, email: string, roles: Role[]) {
  const { tx, org, audit } = ctx;
  assertRolesFit(roles, org.kind);
  const [row] = rowsOf<{ id: string | null }>(await tx.execute(sql`select find_user_id_by_email(${email}) as id`));
  if (!row?.id) throw notFound('Er is geen account met dit e-mailadres. Nodig de persoon uit.');
  if (await findMembership(tx, org.id, row.id)) throw conflict('Deze persoon is al lid van de organisatie.');
  await tx.insert(memberships).values({ organisationId: org.id, userId: row.id, roles });
  audit.record({ organisationId: org.id, entityType: 'membership', entityId: row.id, action: 'create', after: { email, roles } });
  return (await listMembers(tx, org.id)).find((m) => m.userId === row.id)!;
}

export async function setMemberRoles(ctx: OrgCtx, userId: string, roles: Role[]) {
  const { tx, org, audit } = ctx;
  assertRolesFit(roles, org.kind);
  const m = await findMembership(tx, org.id, userId);
  if (!m) throw notFound();
  await assertKeepsAnAdmin(tx, org.id, m.roles.includes('admin') && !roles.includes('admin'));
  await tx.update(memberships).set({ roles }).where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, userId)));
  audit.record({ organisationId: org.id, entityType: 'membership', entityId: userId, action: 'update', before: { roles: m.roles }, after: { roles } });
  return (await listMembers(tx, org.id)).find((x) => x.userId === userId)!;
}

export async function removeMember(ctx: OrgCtx, userId: string) {
  const { tx, org, audit } = ctx;
  const m = await findMembership(tx, org.id, userId);
  if (!m) throw notFound();
  await assertKeepsAnAdmin(tx, org.id, m.roles.includes('admin'));
  await tx.delete(memberships).where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, userId)));
  audit.record({ organisationId: org.id, entityType: 'membership', entityId: userId, action: 'delete', before: { roles: m.roles } });
}
