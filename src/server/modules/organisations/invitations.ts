import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx, OrgCtx } from '../../core/http/pipeline.js';
import type { Principal } from '../../core/auth/principal.js';
import type { Executor } from '../../core/db/client.js';
import { invitations, memberships, organisations, users } from '../../core/db/schema.js';
import { randomToken, sha256 } from '../../core/auth/crypto.js';
import { hashPassword, passwordProblem } from '../../core/auth/passwords.js';
import { badRequest, conflict, HttpProblem, notFound } from '../../core/http/problem.js';
import { rowsOf } from '../../core/db/rows.js';
import type { Role } from '../../../shared/roles.js';
import { assertRolesFit } from './roles.js';
import { presentInvitation } from './present.js';

export const INVITATION_DAYS = 14;

export async function listInvitations({ tx, org }: OrgCtx) {
  const rows = await tx.select().from(invitations).where(eq(invitations.organisationId, org.id)).orderBy(desc(invitations.createdAt));
  return { items: rows.map(presentInvitation) };
}

/**
 * Invites a person by e-mail. The link is returned (and shown to the admin to pass on) until the
 * e-mail channel exists; a new invitation to the same address replaces an open one.
 */
export async function createInvitation(ctx: OrgCtx, email: string, roles: Role[]) {
  const { tx, org, audit, principal, deps } = ctx;
  assertRolesFit(roles, org.kind);
  const address = email.toLowerCase();
  const [existing] = rowsOf<{ id: string | null }>(await tx.execute(sql`select find_user_id_by_email(${address}) as id`));
  if (existing?.id) {
    const [m] = await tx.select().from(memberships).where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, existing.id)));
    if (m) throw conflict('Deze persoon is al lid van de organisatie.');
  }
  await tx.delete(invitations).where(and(eq(invitations.organisationId, org.id), eq(invitations.email, address), isNull(invitations.acceptedAt)));
  const token = randomToken();
  const [inv] = await tx
    .insert(invitations)
    .values({
      organisationId: org.id,
      email: address,
      roles,
      tokenHash: sha256(token),
      invitedBy: principal.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
    })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'invitation', entityId: inv.id, action: 'create', after: { email: address, roles } });
  return { ...presentInvitation(inv), acceptUrl: `${deps.config.publicUrl}/invitation/${token}` };
}

export async function revokeInvitation({ tx, org, audit }: OrgCtx, id: string) {
  const r = await tx.delete(invitations).where(and(eq(invitations.id, id), eq(invitations.organisationId, org.id))).returning();
  if (r.length === 0) throw notFound();
  audit.record({ organisationId: org.id, entityType: 'invitation', entityId: id, action: 'delete', before: { email: r[0].email, roles: r[0].roles } });
}

async function openInvitation(tx: Executor, token: string) {
  const [row] = await tx
    .select({ inv: invitations, org: { slug: organisations.slug, name: organisations.name, kind: organisations.kind } })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, sha256(token)));
  if (!row || row.inv.acceptedAt || row.inv.expiresAt.getTime() < Date.now()) {
    throw new HttpProblem(404, 'Uitnodiging niet geldig', 'Deze uitnodiging bestaat niet, is verlopen of is al gebruikt. Vraag de beheerder om een nieuwe.');
  }
  return row;
}

export async function previewInvitation(tx: Executor, token: string) {
  const { inv, org } = await openInvitation(tx, token);
  const [row] = rowsOf<{ id: string | null }>(await tx.execute(sql`select find_user_id_by_email(${inv.email}) as id`));
  return { organisation: { slug: org.slug, name: org.name }, email: inv.email, existingUser: !!row?.id };
}

/**
 * Accepting: an existing account must be signed in with the invited address; a new person chooses a
 * name and password and is signed in afterwards. Runs in a system transaction (no organisation yet).
 */
export async function acceptInvitation(
  { tx, audit }: Pick<Ctx, 'tx' | 'audit'>,
  principal: Principal | null,
  token: string,
  input: { name?: string; password?: string },
): Promise<{ userId: string; createdAccount: boolean }> {
  const { inv } = await openInvitation(tx, token);
  const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${inv.email}`);
  let userId: string;
  let createdAccount = false;
  if (user) {
    if (!principal || principal.userId !== user.id) {
      throw new HttpProblem(401, 'Eerst inloggen', `Log eerst in als ${inv.email} om deze uitnodiging te aanvaarden.`);
    }
    userId = user.id;
  } else {
    if (!input.name || !input.password) {
      throw badRequest('Kies een naam en een wachtwoord om uw account aan te maken.', [
        ...(!input.name ? [{ path: 'name', message: 'verplicht' }] : []),
        ...(!input.password ? [{ path: 'password', message: 'verplicht' }] : []),
      ]);
    }
    const problem = passwordProblem(input.password, [inv.email.split('@')[0], input.name]);
    if (problem) throw badRequest(problem, [{ path: 'password', message: problem }]);
    const [u] = await tx.insert(users).values({ email: inv.email, name: input.name, passwordHash: await hashPassword(input.password) }).returning();
    audit.record({ organisationId: null, entityType: 'user', entityId: u.id, action: 'create', after: { email: u.email, name: u.name } });
    userId = u.id;
    createdAccount = true;
  }
  const [m] = await tx.select().from(memberships).where(and(eq(memberships.organisationId, inv.organisationId), eq(memberships.userId, userId)));
  const roles = [...new Set([...(m?.roles ?? []), ...inv.roles])];
  if (m) await tx.update(memberships).set({ roles }).where(and(eq(memberships.organisationId, inv.organisationId), eq(memberships.userId, userId)));
  else await tx.insert(memberships).values({ organisationId: inv.organisationId, userId, roles });
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
  audit.record({ organisationId: inv.organisationId, entityType: 'membership', entityId: userId, action: m ? 'update' : 'create', before: m ? { roles: m.roles } : null, after: { email: inv.email, roles } });
  return { userId, createdAccount };
}
