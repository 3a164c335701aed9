import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sha256 } from './crypto.js';

export interface MembershipInfo {
  organisationId: string;
  slug: string;
  name: string;
  kind: string;
  roles: string[];
  mfaRequired: boolean;
}

/** Who is calling: the user behind a session cookie or a personal API token. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  language: string;
  isInstallationAdmin: boolean;
  mfaEnabled: boolean;
  memberships: MembershipInfo[];
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  /** password accepted, TOTP code still to come */
  mfaPending: boolean;
  /** an organisation of this user requires MFA and the user has not enrolled yet */
  mfaEnrolmentRequired: boolean;
}

const MEMBERSHIPS = `coalesce((
    select json_agg(json_build_object('organisationId', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind,
                                      'roles', m.roles, 'mfaRequired', o.mfa_required) order by o.name)
    from memberships m join organisations o on o.id = m.organisation_id where m.user_id = u.id), '[]'::json)`;

const USER_COLUMNS = `u.id as "userId", u.email, u.name, u.language,
  u.is_installation_admin as "isInstallationAdmin", (u.totp_secret is not null) as "mfaEnabled", ${MEMBERSHIPS} as memberships`;

// Every request runs one of these two: prepared statements, planned once per connection.
const SESSION_LOOKUP = `
  select s.id as "sessionId", null as "tokenId", s.mfa_pending as "mfaPending", s.auth_method as "authMethod",
         (s.last_seen_at < now() - interval '1 minute') as "stale", ${USER_COLUMNS}
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => $2::int)`;

const TOKEN_LOOKUP = `
  select null as "sessionId", t.id as "tokenId", false as "mfaPending", 'token' as "authMethod",
         (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as "stale", ${USER_COLUMNS}
  from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = $1 and (t.expires_at is null or t.expires_at > now())`;

interface Row {
  sessionId: string | null;
  tokenId: string | null;
  mfaPending: boolean;
  authMethod: string;
  stale: boolean;
  userId: string;
  email: string;
  name: string;
  language: string;
  isInstallationAdmin: boolean;
  mfaEnabled: boolean;
  memberships: MembershipInfo[] | string;
}

function toPrincipal(r: Row, via: 'session' | 'token'): Principal {
  const memberships = (typeof r.memberships === 'string' ? JSON.parse(r.memberships) : r.memberships) as MembershipInfo[];
  const mfaEnrolmentRequired =
    via === 'session' && r.authMethod === 'password' && !r.mfaEnabled && memberships.some((m) => m.mfaRequired);
  return {
    userId: r.userId,
    email: r.email,
    name: r.name,
    language: r.language,
    isInstallationAdmin: r.isInstallationAdmin,
    mfaEnabled: r.mfaEnabled,
    memberships,
    via,
    sessionId: r.sessionId,
    tokenId: r.tokenId,
    mfaPending: r.mfaPending,
    mfaEnrolmentRequired,
  };
}

/**
 * One query resolves a session cookie to the user and all memberships (no transaction:
 * it runs as the owner, before the organisation is known). last_seen_at is written at most once a minute.
 */
export async function principalFromSession(database: Database, token: string, idleMinutes: number): Promise<Principal | null> {
  const [row] = await database.queryPrepared<Row>('weerbaar_session_lookup', SESSION_LOOKUP, [sha256(token), idleMinutes]);
  if (!row) return null;
  if (row.stale) await database.db.execute(sql`update sessions set last_seen_at = now() where id = ${row.sessionId}`);
  return toPrincipal(row, 'session');
}

export async function principalFromApiToken(database: Database, token: string): Promise<Principal | null> {
  const [row] = await database.queryPrepared<Row>('weerbaar_token_lookup', TOKEN_LOOKUP, [sha256(token)]);
  if (!row) return null;
  if (row.stale) await database.db.execute(sql`update api_tokens set last_used_at = now() where id = ${row.tokenId}`);
  return toPrincipal(row, 'token');
}
