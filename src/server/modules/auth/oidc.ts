import * as client from 'openid-client';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Deps } from '../../core/http/pipeline.js';
import { systemTx } from '../../core/db/client.js';
import { memberships, oidcStates, organisationOidc, organisations, users } from '../../core/db/schema.js';
import { createSession, type NewSession } from '../../core/auth/sessions.js';
import { AuditLog } from '../../core/audit/audit.js';
import { HttpProblem, notFound } from '../../core/http/problem.js';
import { safeEqual, sha256 } from '../../core/auth/crypto.js';

const STATE_TTL_MINUTES = 10;
const cache = new Map<string, { at: number; config: client.Configuration }>();

export const callbackUrl = (deps: Deps) => `${deps.config.publicUrl}/api/v1/auth/oidc/callback`;

/**
 * Short-lived cookie that binds a sign-in attempt to the browser that started it. Without it anyone
 * could send a victim a callback URL with the attacker's own code and state (login CSRF).
 */
export const OIDC_STATE_COOKIE = 'weerbaar_oidc_state';
export const OIDC_STATE_COOKIE_PATH = '/api/v1/auth/oidc';
export const OIDC_STATE_TTL_SECONDS = STATE_TTL_MINUTES * 60;

function isLoopback(url: URL) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Discovery is cached per issuer/client for ten minutes. Plain http is allowed only for a loopback issuer (tests, a lab). */
async function configurationFor(issuer: string, clientId: string, secret: string): Promise<client.Configuration> {
  const key = sha256(`${issuer}|${clientId}|${secret}`);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 600_000) return hit.config;
  const url = new URL(issuer);
  const insecure = url.protocol === 'http:' && isLoopback(url);
  const config = await client.discovery(url, clientId, secret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
  cache.set(key, { at: Date.now(), config });
  return config;
}

export async function listOidcProviders(deps: Deps) {
  const rows = await deps.database.db
    .select({ organisation: organisations.slug, name: organisations.name, label: organisationOidc.label })
    .from(organisationOidc)
    .innerJoin(organisations, eq(organisations.id, organisationOidc.organisationId))
    .where(eq(organisationOidc.enabled, true))
    .orderBy(organisations.name);
  return { items: rows };
}

async function loadProvider(deps: Deps, organisationId: string) {
  const [c] = await deps.database.db.select().from(organisationOidc).where(eq(organisationOidc.organisationId, organisationId));
  if (!c || !c.enabled || !c.clientSecretEnc) return null;
  return configurationFor(c.issuer, c.clientId, deps.secrets.open(c.clientSecretEnc));
}

/** Step 1: redirect the browser to the organisation's identity provider, with PKCE, state and nonce. */
export async function startOidcLogin(deps: Deps, slug: string): Promise<string> {
  const [org] = await deps.database.db.select().from(organisations).where(eq(organisations.slug, slug));
  const config = org ? await loadProvider(deps, org.id) : null;
  if (!org || !config) throw notFound('Voor deze organisatie is inloggen met SSO niet ingesteld.');
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await deps.database.db.delete(oidcStates).where(lt(oidcStates.createdAt, sql`now() - make_interval(mins => ${STATE_TTL_MINUTES})`));
  await deps.database.db.insert(oidcStates).values({ state, organisationId: org.id, codeVerifier, nonce });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(deps),
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

/**
 * Step 2: the provider sends the browser back with a code. We exchange it, check the ID token and
 * sign in the member of that organisation with the same e-mail address. No account is created here:
 * people are invited first (their roles come from Weerbaar, not from the provider).
 */
export async function finishOidcLogin(
  deps: Deps,
  currentUrl: URL,
  meta: { ip: string; userAgent?: string; requestId: string; browserState: string | undefined },
): Promise<NewSession> {
  const stateParam = currentUrl.searchParams.get('state') ?? '';
  if (!stateParam || !meta.browserState || !safeEqual(meta.browserState, stateParam)) {
    throw new HttpProblem(400, 'Inloggen mislukt', 'Deze inlogpoging is niet in deze browser begonnen of is verlopen. Begin opnieuw.');
  }
  const [st] = await deps.database.db.delete(oidcStates).where(eq(oidcStates.state, stateParam)).returning();
  if (!st || st.createdAt.getTime() < Date.now() - STATE_TTL_MINUTES * 60_000) {
    throw new HttpProblem(400, 'Inloggen mislukt', 'De inlogpoging is verlopen of onbekend. Begin opnieuw.');
  }
  const config = await loadProvider(deps, st.organisationId);
  if (!config) throw notFound('Voor deze organisatie is inloggen met SSO niet ingesteld.');
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: st.codeVerifier,
      expectedState: st.state,
      expectedNonce: st.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    claims = idToken;
    // In the code flow the claims of the email scope may be only on the UserInfo endpoint (OIDC Core
    // 5.4, e.g. oidc-provider's default). The ID token stays leading; UserInfo must be about the same
    // subject (checked). If UserInfo is unavailable we go on with the ID token (preferred_username).
    if (idToken.email === undefined) {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub).catch(() => undefined);
      if (userInfo) claims = { ...userInfo, ...idToken };
    }
  } catch (err) {
    throw new HttpProblem(401, 'Inloggen mislukt', `De identiteitsprovider gaf geen geldig antwoord (${(err as Error).message}).`);
  }
  const email = String(claims.email ?? (String(claims.preferred_username ?? '').includes('@') ? claims.preferred_username : '')).toLowerCase();
  if (!email) throw new HttpProblem(401, 'Inloggen mislukt', 'De identiteitsprovider gaf geen e-mailadres door.');
  // A provider that says the address is not verified must not sign anyone in with it.
  if (claims.email_verified === false || claims.email_verified === 'false') {
    throw new HttpProblem(401, 'Inloggen mislukt', `De identiteitsprovider heeft het e-mailadres ${email} niet bevestigd.`);
  }
  const [row] = await deps.database.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, st.organisationId)))
    .where(sql`lower(${users.email}) = ${email}`);
  if (!row) throw new HttpProblem(403, 'Geen account', `Er is bij deze organisatie geen account voor ${email}. Vraag de beheerder om een uitnodiging.`);
  return systemTx(deps.database, async (tx) => {
    const session = await createSession(tx, deps.config, { userId: row.id, mfaPending: false, authMethod: 'oidc', ip: meta.ip, userAgent: meta.userAgent });
    const audit = new AuditLog({ type: 'user', id: row.id, label: row.email }, meta.requestId);
    audit.record({ organisationId: null, entityType: 'session', entityId: session.id, action: 'login', after: { method: 'oidc', organisation: st.organisationId, subject: String(claims.sub ?? ''), ip: meta.ip } });
    await audit.flush(tx);
    return session;
  });
}
