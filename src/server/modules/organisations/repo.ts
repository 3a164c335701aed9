import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { memberships, organisations, users } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';

export async function loadOrganisation(tx: Executor, id: string) {
  const [o] = await tx.select().from(organisations).where(eq(organisations.id, id));
  return o ?? null;
}

/** Links of an organisation in both directions, with the names of the other side. */
export async function loadLinks(tx: Executor, id: string) {
  return rowsOf<{ direction: 'out' | 'in'; kind: string; slug: string; name: string; orgKind: string }>(
    await tx.execute(sql`
      select 'out' as direction, l.kind, o.slug, o.name, o.kind as "orgKind"
        from organisation_links l join organisations o on o.id = l.target_id where l.organisation_id = ${id}
      union all
      select 'in' as direction, l.kind, o.slug, o.name, o.kind as "orgKind"
        from organisation_links l join organisations o on o.id = l.organisation_id where l.target_id = ${id}
      order by name`),
  );
}

export async function listMembers(tx: Executor, organisationId: string) {
  return tx
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      roles: memberships.roles,
      mfaEnabled: sql<boolean>`${users.totpSecret} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(users.name);
}

export async function findMembership(tx: Executor, organisationId: string, userId: string) {
  const [m] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return m ?? null;
}

export async function countAdmins(tx: Executor, organisationId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), sql`'admin' = any(${memberships.roles})`));
  return r.n;
}
