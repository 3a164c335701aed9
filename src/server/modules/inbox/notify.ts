import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { notifications } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';

export interface Notice {
  kind: string;
  subjectType: string;
  subjectId: string | null;
  title: string;
  body: string;
  link: string | null;
}

/**
 * The members of an organisation with one of these roles (plus the given users, when they are still
 * members). Explicitly filtered on the organisation: in a tenant transaction the memberships policy
 * also shows the current user's memberships elsewhere.
 */
export async function recipients(tx: Executor, organisationId: string, roles: string[], alsoUserIds: (string | null | undefined)[] = []) {
  const extra = alsoUserIds.filter((u): u is string => !!u);
  const rows = rowsOf<{ userId: string }>(
    await tx.execute(sql`
      select distinct user_id as "userId" from memberships
      where organisation_id = ${organisationId}
        and (roles && ${`{${roles.join(',')}}`}::text[] or user_id = any(${`{${extra.join(',')}}`}::uuid[]))`),
  );
  return rows.map((r) => r.userId);
}

/** Puts notices in the inbox of these users (no RETURNING: the inbox policy hides other users' rows). */
export async function notify(tx: Executor, organisationId: string, userIds: string[], notices: Notice[]) {
  const values = userIds.flatMap((userId) => notices.map((n) => ({ organisationId, userId, ...n })));
  for (let i = 0; i < values.length; i += 1000) await tx.insert(notifications).values(values.slice(i, i + 1000));
  return values.length;
}
