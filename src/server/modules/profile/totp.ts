import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/http/pipeline.js';
import { users } from '../../core/db/schema.js';
import { checkTotp, newTotpSecret, totpEnrolment } from '../../core/auth/totp.js';
import { rotateSession } from '../../core/auth/sessions.js';
import { rowsOf } from '../../core/db/rows.js';
import { conflict, HttpProblem } from '../../core/http/problem.js';

const wrongCode = () => new HttpProblem(400, 'Code onjuist', 'De code klopt niet. Controleer de tijd op uw telefoon en probeer de volgende code.', [{ path: 'code', message: 'onjuist' }]);

export async function startTotpEnrolment({ tx, principal }: Ctx) {
  if (principal.mfaEnabled) throw conflict('Tweestapsverificatie staat al aan. Schakel die eerst uit om een nieuwe app te koppelen.');
  const secret = newTotpSecret();
  await tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, principal.userId));
  return totpEnrolment(secret, principal.email);
}

/** Confirms enrolment with a first code; from the next login on the code is required. Rotates the session. */
export async function confirmTotpEnrolment({ tx, principal, audit }: Ctx, code: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, principal.userId));
  if (!user.totpPendingSecret) throw conflict('Start eerst het koppelen van een authenticator-app.');
  const step = checkTotp(user.totpPendingSecret, code, null);
  if (step == null) throw wrongCode();
  await tx
    .update(users)
    .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  audit.record({ organisationId: null, entityType: 'user', entityId: user.id, action: 'update', before: { mfaEnabled: false }, after: { mfaEnabled: true } });
  return principal.sessionId ? rotateSession(tx, principal.sessionId, { mfaVerified: true }) : null;
}

export async function disableTotp({ tx, principal, audit }: Ctx, code: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, principal.userId));
  if (!user.totpSecret) throw conflict('Tweestapsverificatie staat niet aan.');
  const required = rowsOf(
    await tx.execute(sql`select o.name from memberships m join organisations o on o.id = m.organisation_id
                         where m.user_id = ${user.id} and o.mfa_required order by o.name`),
  ) as { name: string }[];
  if (required.length > 0) {
    throw conflict(`${required.map((r) => r.name).join(', ')} vereist tweestapsverificatie; u kunt die daarom niet uitschakelen.`);
  }
  const step = checkTotp(user.totpSecret, code, user.totpLastStep);
  if (step == null) throw wrongCode();
  await tx.update(users).set({ totpSecret: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, user.id));
  audit.record({ organisationId: null, entityType: 'user', entityId: user.id, action: 'update', before: { mfaEnabled: true }, after: { mfaEnabled: false } });
}
