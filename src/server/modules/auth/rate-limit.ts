import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../core/db/client.js';
import { loginAttempts } from '../../core/db/schema.js';
import { HttpProblem } from '../../core/http/problem.js';
import { sha256 } from '../../core/auth/crypto.js';

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export const accountKey = (email: string) => sha256(`login:${email.trim().toLowerCase()}`);

/** Throws 429 when this account or this address failed too often recently. Counted in the database: all server processes share it. */
export async function assertNotRateLimited(database: Database, key: string, ip: string) {
  const since = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const [byAccount] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.emailHash, key), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  const [byIp] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  if (byAccount.n >= MAX_FAILURES_PER_ACCOUNT || byIp.n >= MAX_FAILURES_PER_IP) {
    throw new HttpProblem(
      429,
      'Te veel inlogpogingen',
      `Er is te vaak een verkeerd wachtwoord of een verkeerde code ingevoerd. Wacht ${WINDOW_MINUTES} minuten en probeer het dan opnieuw.`,
      undefined,
      { 'retry-after': String(WINDOW_MINUTES * 60) },
    );
  }
}

/** Written outside the request transaction: a failed login rolls back, its attempt must stay. */
export async function recordAttempt(database: Database, key: string, ip: string, success: boolean) {
  await database.db.insert(loginAttempts).values({ emailHash: key, ip, success });
  if (success) {
    // a successful login clears the account's failures
    await database.db.delete(loginAttempts).where(and(eq(loginAttempts.emailHash, key), eq(loginAttempts.success, false)));
  }
}
