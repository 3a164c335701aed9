import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser } from '../../core/http/pipeline.js';
import { Email, problems, Uuid } from '../../core/http/schemas.js';
import { containsPattern, rowsOf } from '../../core/db/rows.js';
import { users } from '../../core/db/schema.js';
import { hashPassword, passwordProblem } from '../../core/auth/passwords.js';
import { badRequest, conflict } from '../../core/http/problem.js';

const UserAdminDto = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  isInstallationAdmin: z.boolean(),
  mfaEnabled: z.boolean(),
  memberships: z.array(z.object({ organisation: z.string(), roles: z.array(z.string()) })),
});
const CreateUserBody = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  password: z.string().max(1024),
  isInstallationAdmin: z.boolean().default(false),
});
const UsersQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(254).optional(),
});
const tags = ['accounts'];

export async function userRoutes(app: App, deps: Deps) {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Accounts zoeken en bladeren (installatiebeheer)',
        querystring: UsersQuery,
        response: { 200: z.object({ items: z.array(UserAdminDto), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
      },
    },
    asUser(
      deps,
      async ({ tx, request }) => {
        const q = request.query as z.infer<typeof UsersQuery>;
        const like = q.q ? containsPattern(q.q.toLowerCase()) : null;
        const rows = rowsOf<any>(
          await tx.execute(sql`
            select u.id, u.email, u.name, u.is_installation_admin as "isInstallationAdmin", (u.totp_secret is not null) as "mfaEnabled",
                   coalesce((select json_agg(json_build_object('organisation', o.slug, 'roles', m.roles) order by o.slug)
                             from memberships m join organisations o on o.id = m.organisation_id where m.user_id = u.id), '[]'::json) as memberships
            from users u
            where (${like}::text is null or lower(u.email) like ${like} or lower(u.name) like ${like})
              and (${q.cursor ?? null}::text is null or lower(u.email) > ${q.cursor ?? null})
            order by lower(u.email) limit ${q.limit + 1}`),
        ).map((r) => ({ ...r, memberships: typeof r.memberships === 'string' ? JSON.parse(r.memberships) : r.memberships }));
        const items = rows.slice(0, q.limit);
        return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].email.toLowerCase() : null };
      },
      { installationAdmin: true },
    ),
  );

  app.post(
    '/users',
    { schema: { tags, summary: 'Account aanmaken (installatiebeheer)', body: CreateUserBody, response: { 201: UserAdminDto, ...problems(400, 401, 403, 409) } } },
    asUser(
      deps,
      async ({ tx, audit, request, reply }) => {
        const b = request.body as z.infer<typeof CreateUserBody>;
        const email = b.email.toLowerCase();
        const problem = passwordProblem(b.password, [email.split('@')[0], b.name]);
        if (problem) throw badRequest(problem, [{ path: 'password', message: problem }]);
        const exists = rowsOf(await tx.execute(sql`select 1 from users where lower(email) = ${email}`));
        if (exists.length) throw conflict('Er bestaat al een account met dit e-mailadres.');
        const [u] = await tx
          .insert(users)
          .values({ email, name: b.name, passwordHash: await hashPassword(b.password), isInstallationAdmin: b.isInstallationAdmin })
          .returning();
        audit.record({ organisationId: null, entityType: 'user', entityId: u.id, action: 'create', after: { email, name: b.name, isInstallationAdmin: b.isInstallationAdmin } });
        reply.code(201);
        return { id: u.id, email: u.email, name: u.name, isInstallationAdmin: u.isInstallationAdmin, mfaEnabled: false, memberships: [] };
      },
      { installationAdmin: true },
    ),
  );
}
