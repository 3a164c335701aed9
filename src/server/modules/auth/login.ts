import { sql } from 'drizzle-orm';
import type { Deps } from '../../core/http/pipeline.js';
import { systemTx } from '../../core/db/client.js';
import { users } from '../../core/db/schema.js';
import { verifyPassword } from '../../core/auth/passwords.js';
import { createSession, type NewSession } from '../../core/auth/sessions.js';
import { AuditLog } from '../../core/audit/audit.js';
import { HttpProblem } from '../../core/http/problem.js';
import { accountKey, assertNotRateLimited, recordAttempt } from './rate-limit.js';

export const WRONG_CREDENTIALS = () =>
  new HttpProblem(401, 'Inloggen mislukt', 'Het e-mailadres of het wachtwoord is onjuist.');

export interface LoginOutcome {
  session: NewSession;
  mfaRequired: boolean;
  mfaEnrolmentRequired: boolean;
}

/** Password login. Same answer and same time for an unknown e-mail as for a wrong password. */
export async function login(
  deps: Deps,
  input: { email: string; password: string; ip: string; userAgent?: string; requestId: string },
): Promise<LoginOutcome> {
  const key = accountKey(input.email);
  await assertNotRateLimited(deps.database, key, input.ip);
  const [user] = await deps.database.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.trim().toLowerCase()}`);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  await recordAttempt(deps.database, key, input.ip, ok);
  if (!ok || !user) throw WRONG_CREDENTIALS();

  const mfaRequired = user.totpSecret != null;
  return systemTx(deps.database, async (tx) => {
    const session = await createSession(tx, deps.config, {
      userId: user.id,
      mfaPending: mfaRequired,
      authMethod: 'password',
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const needsEnrolment =
      !mfaRequired &&
      (
        (await tx.execute(sql`select 1 from memberships m join organisations o on o.id = m.organisation_id
                              where m.user_id = ${user.id} and o.mfa_required limit 1`)) as any
      ).rows.length > 0;
    const audit = new AuditLog({ type: 'user', id: user.id, label: user.email }, input.requestId);
    audit.record({ organisationId: null, entityType: 'session', entityId: session.id, action: 'login', after: { method: 'password', ip: input.ip } });
    await audit.flush(tx);
    return { session, mfaRequired, mfaEnrolmentRequired: needsEnrolment };
  });
}
