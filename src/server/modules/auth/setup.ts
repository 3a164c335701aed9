import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../core/db/client.js';
import { setupTokens, users } from '../../core/db/schema.js';
import { randomToken, sha256 } from '../../core/auth/crypto.js';
import { hashPassword, passwordProblem } from '../../core/auth/passwords.js';
import type { AuditLog } from '../../core/audit/audit.js';
import { badRequest, HttpProblem } from '../../core/http/problem.js';
import { rowsOf } from '../../core/db/rows.js';

export async function hasUsers(db: Database['db'] | Tx): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from users limit 1`)).length > 0;
}

/** On an empty installation: a one-time token for the link that creates the first administrator. */
export async function issueSetupToken(database: Database): Promise<string | null> {
  if (await hasUsers(database.db)) return null;
  const token = randomToken();
  await database.db.insert(setupTokens).values({ tokenHash: sha256(token) });
  return token;
}

export async function completeSetup(
  tx: Tx,
  audit: AuditLog,
  input: { token: string; email: string; name: string; password: string },
): Promise<{ id: string; email: string }> {
  if (await hasUsers(tx)) throw new HttpProblem(409, 'Al ingericht', 'Deze installatie heeft al een beheerder.');
  const found = rowsOf(await tx.execute(sql`delete from setup_tokens where token_hash = ${sha256(input.token)} returning token_hash`));
  if (found.length === 0) throw new HttpProblem(403, 'Ongeldige link', 'Deze inrichtingslink is ongeldig of al gebruikt. Herstart de server voor een nieuwe link.');
  const problem = passwordProblem(input.password, [input.email.split('@')[0], input.name]);
  if (problem) throw badRequest(problem, [{ path: 'password', message: problem }]);
  await tx.execute(sql`delete from setup_tokens`);
  const [u] = await tx
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, passwordHash: await hashPassword(input.password), isInstallationAdmin: true })
    .returning();
  audit.record({ organisationId: null, entityType: 'user', entityId: u.id, action: 'create', after: { email: u.email, name: u.name, isInstallationAdmin: true } });
  return { id: u.id, email: u.email };
}
