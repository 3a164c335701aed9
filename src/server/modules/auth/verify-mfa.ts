import { eq } from 'drizzle-orm';
import type { Deps } from '../../core/http/pipeline.js';
import { actorOf } from '../../core/http/pipeline.js';
import { systemTx } from '../../core/db/client.js';
import { users } from '../../core/db/schema.js';
import { checkTotp } from '../../core/auth/totp.js';
import { rotateSession, type NewSession } from '../../core/auth/sessions.js';
import type { Principal } from '../../core/auth/principal.js';
import { AuditLog } from '../../core/audit/audit.js';
import { HttpProblem } from '../../core/http/problem.js';
import { accountKey, assertNotRateLimited, recordAttempt } from './rate-limit.js';

/**
 * Second step of a login: the TOTP code. Rotates the session token.
 * The attempt bookkeeping happens outside the transaction (a failure must be remembered although the request fails).
 */
export async function verifyMfa(deps: Deps, principal: Principal, code: string, ip: string, requestId: string): Promise<NewSession> {
  if (!principal.mfaPending || !principal.sessionId) throw new HttpProblem(409, 'Geen code nodig', 'Deze sessie wacht niet op een code.');
  const key = accountKey(principal.email);
  await assertNotRateLimited(deps.database, key, ip);
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, principal.userId));
  const step = user?.totpSecret ? checkTotp(user.totpSecret, code, user.totpLastStep) : null;
  if (step == null) {
    await recordAttempt(deps.database, key, ip, false);
    throw new HttpProblem(401, 'Code onjuist', 'De code is onjuist of al gebruikt. Wacht op de volgende code en probeer het opnieuw.');
  }
  const sessionId = principal.sessionId;
  return systemTx(deps.database, async (tx) => {
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    const session = await rotateSession(tx, sessionId, { mfaPending: false, mfaVerified: true });
    const audit = new AuditLog(actorOf(principal), requestId);
    audit.record({ organisationId: null, entityType: 'session', entityId: sessionId, action: 'mfa-verified' });
    await audit.flush(tx);
    return session;
  });
}
