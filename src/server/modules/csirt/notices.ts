import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { notify, recipients, type Notice } from '../inbox/notify.js';
import { handlerIdsOf } from '../incidents/repo.js';

/*
 * Inbox notices across the two organisations of a notification. A notice belongs to the organisation of
 * its recipients (the notifications policy checks organisation_id = app_org_id() on insert), and the
 * recipients are read from that organisation's memberships, which the memberships policy hides from
 * another organisation. So the notice is written inside the same request transaction, still as the
 * row-level-security role, with the transaction's organisation switched to the receiving organisation
 * for exactly these statements and switched back afterwards.
 *
 * Why this and not a system transaction after the commit: the notice then commits or rolls back with
 * the send, the acknowledgement or the message it tells about (no notice about a send that failed, no
 * lost notice when the process stops between two transactions), it needs no hook after the commit in the
 * request pipeline, and it never leaves the RLS role: while switched, the statements see only what the
 * receiving organisation itself would see, and they only read memberships (and, for the gemeente, the
 * handlers of the incident) and insert notices. No SECURITY DEFINER function is involved.
 */

async function asOrganisation<T>(tx: Executor, from: string, to: string, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('app.org_id', ${to}, true)`);
  const out = await fn();
  // back to the request's organisation (on an error the transaction rolls back as a whole)
  await tx.execute(sql`select set_config('app.org_id', ${from}, true)`);
  return out;
}

/** A notice to the CSIRT's analysts and administrators. */
export async function noticeToCsirt(tx: Executor, from: string, csirtId: string, notice: Notice): Promise<number> {
  return asOrganisation(tx, from, csirtId, async () => notify(tx, csirtId, await recipients(tx, csirtId, ['analist', 'admin']), [notice]));
}

/** A notice to the incident's handlers and the gemeente's CISOs (still members). */
export async function noticeToGemeente(tx: Executor, from: string, gemeenteId: string, incidentId: string, notice: Notice): Promise<number> {
  return asOrganisation(tx, from, gemeenteId, async () => {
    const handlers = await handlerIdsOf(tx, gemeenteId, incidentId);
    return notify(tx, gemeenteId, await recipients(tx, gemeenteId, ['ciso'], handlers), [notice]);
  });
}
