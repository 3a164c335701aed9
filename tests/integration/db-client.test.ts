import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemTx, tenantTx, type Database } from '../../src/server/core/db/client.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { ENGINE, freshDatabase } from '../helpers/db.js';

/**
 * The database client's shortcuts on PostgreSQL (a tenant transaction's BEGIN travels with its first
 * statement; parameterised statements are prepared once per connection) must not change what a
 * transaction means. The same checks run on PGlite, which takes the plain path.
 */
describe(`database client on ${ENGINE}`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let orgId: string;
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    const [o] = rowsOf<{ id: string }>(
      await systemTx(database, (tx) => tx.execute(sql`insert into organisations (slug, name, kind) values ('db-client', 'Gemeente Client', 'gemeente') returning id`)),
    );
    orgId = o.id;
  });
  afterAll(() => drop?.());

  const countAssets = async () =>
    Number(rowsOf<{ n: number }>(await systemTx(database, (tx) => tx.execute(sql`select count(*)::int as n from assets where organisation_id = ${orgId}`)))[0].n);

  it('a tenant transaction is one transaction from its first statement: a failure rolls back every write', async () => {
    await expect(
      tenantTx(database, { organisationId: orgId, userId: null }, async (tx) => {
        await tx.execute(sql`insert into assets (organisation_id, kind, name) values (${orgId}, 'applicatie', 'Zaaksysteem')`);
        await tx.execute(sql`insert into assets (organisation_id, kind, name) values (${orgId}, 'applicatie', 'Burgerzaken')`);
        throw new Error('crash mid-write');
      }),
    ).rejects.toThrow('crash mid-write');
    expect(await countAssets()).toBe(0);
    await tenantTx(database, { organisationId: orgId, userId: null }, (tx) => tx.execute(sql`insert into assets (organisation_id, kind, name) values (${orgId}, 'applicatie', 'Zaaksysteem')`));
    expect(await countAssets()).toBe(1);
  });

  it('statements of one tenant transaction share its start time, role and organisation; nothing outlives it', async () => {
    const seen = await tenantTx(database, { organisationId: orgId, userId: null }, async (tx) => {
      const [a] = rowsOf<{ t: string; role: string; org: string }>(
        await tx.execute(sql`select now()::text as t, current_user as role, current_setting('app.org_id') as org from assets where name = ${'Zaaksysteem'}`),
      );
      await tx.execute(sql`select pg_sleep(0.02)`);
      const [b] = rowsOf<{ t: string }>(await tx.execute(sql`select now()::text as t`));
      return { a, b };
    });
    expect(seen.a).toEqual({ t: seen.b.t, role: 'weerbaar_app', org: orgId });
    const [after] = rowsOf<{ role: string; org: string | null }>(
      await systemTx(database, (tx) => tx.execute(sql`select current_user as role, nullif(current_setting('app.org_id', true), '') as org`)),
    );
    expect(after.role).not.toBe('weerbaar_app');
    expect(after.org).toBeNull();
  });

  it('refuses an organisation id that is not a uuid (it becomes a literal)', async () => {
    await expect(tenantTx(database, { organisationId: "x', true), set_config('role', 'postgres", userId: null }, async () => 1)).rejects.toThrow('not a uuid');
  });

  it('prepares a parameterised statement once per connection and reuses it (PostgreSQL; PGlite has one connection and no prepared statements of ours)', async () => {
    if (ENGINE !== 'postgresql') return;
    const names = await tenantTx(database, { organisationId: orgId, userId: null }, async (tx) => {
      for (let i = 0; i < 3; i++) await tx.execute(sql`select count(*) from assets where name = ${'Zaaksysteem'}`);
      return rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements where statement = ${'select count(*) from assets where name = $1'}`));
    });
    expect(names).toHaveLength(1);
    expect(names[0].name).toMatch(/^w_/);
  });
});
