import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { rowsOf } from '../../core/db/rows.js';

export interface OverdueAction {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  owner: { id: string; name: string } | null;
}

/** Open or running actions of an organisation whose due date (YYYY-MM-DD) lies before today; earliest first. */
export async function overdueActions(tx: Executor, organisationId: string, today: string, limit = 500): Promise<OverdueAction[]> {
  const rows = rowsOf<{ id: string; title: string; dueDate: string; status: string; ownerId: string | null; ownerName: string | null }>(
    await tx.execute(sql`
      select a.id, a.title, a.due_date as "dueDate", a.status, a.owner_id as "ownerId", u.name as "ownerName"
      from actions a left join users u on u.id = a.owner_id
      where a.organisation_id = ${organisationId} and a.status in ('open', 'in_uitvoering')
        and a.due_date is not null and a.due_date < ${today}
      order by a.due_date, a.title, a.id
      limit ${limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    dueDate: r.dueDate,
    status: r.status,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
  }));
}
