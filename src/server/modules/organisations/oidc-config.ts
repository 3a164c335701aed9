import { eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { organisationOidc } from '../../core/db/schema.js';
import { badRequest } from '../../core/http/problem.js';

export async function getOidcConfig({ tx, org }: OrgCtx) {
  const [c] = await tx.select().from(organisationOidc).where(eq(organisationOidc.organisationId, org.id));
  return c
    ? { enabled: c.enabled, issuer: c.issuer, clientId: c.clientId, hasSecret: c.clientSecretEnc != null, label: c.label }
    : { enabled: false, issuer: '', clientId: '', hasSecret: false, label: '' };
}

/** Issuer URL, client id and secret of the organisation's identity provider (Entra ID, Keycloak). The secret is sealed at rest. */
export async function putOidcConfig(
  ctx: OrgCtx,
  input: { enabled: boolean; issuer: string; clientId: string; clientSecret?: string; label: string },
) {
  const { tx, org, audit, deps } = ctx;
  const [before] = await tx.select().from(organisationOidc).where(eq(organisationOidc.organisationId, org.id));
  const sealed = input.clientSecret ? deps.secrets.seal(input.clientSecret) : (before?.clientSecretEnc ?? null);
  if (input.enabled && !sealed) throw badRequest('Vul het clientgeheim in om SSO aan te zetten.', [{ path: 'clientSecret', message: 'verplicht' }]);
  const values = { enabled: input.enabled, issuer: input.issuer.trim(), clientId: input.clientId, clientSecretEnc: sealed, label: input.label, updatedAt: new Date() };
  await tx
    .insert(organisationOidc)
    .values({ organisationId: org.id, ...values })
    .onConflictDoUpdate({ target: organisationOidc.organisationId, set: values });
  const view = (c: typeof before | typeof values | undefined) =>
    c ? { enabled: c.enabled, issuer: c.issuer, clientId: c.clientId, label: c.label, clientSecret: c.clientSecretEnc } : null;
  audit.record({ organisationId: org.id, entityType: 'oidc_config', entityId: org.id, action: before ? 'update' : 'create', before: view(before), after: view(values) });
  return getOidcConfig(ctx);
}
