import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/http/pipeline.js';
import { users } from '../../core/db/schema.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../core/auth/passwords.js';
import { revokeOtherSessions } from '../../core/auth/sessions.js';
import { badRequest, HttpProblem } from '../../core/http/problem.js';

/** Changing the password ends every other session of the user. */
export async function changePassword({ tx, principal, audit }: Ctx, currentPassword: string, newPassword: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, principal.userId));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new HttpProblem(400, 'Ongeldige invoer', 'Het huidige wachtwoord is onjuist.', [{ path: 'currentPassword', message: 'onjuist' }]);
  }
  const problem = passwordProblem(newPassword, [user.email.split('@')[0], user.name]);
  if (problem) throw badRequest(problem, [{ path: 'newPassword', message: problem }]);
  await tx.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() }).where(eq(users.id, user.id));
  await revokeOtherSessions(tx, user.id, principal.sessionId);
  audit.record({ organisationId: null, entityType: 'user', entityId: user.id, action: 'update', before: { passwordHash: 'x' }, after: { passwordHash: 'y' } });
}
