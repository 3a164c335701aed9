import type { Role } from '../../shared/roles.js';

/**
 * Permissions are declared per module in its policies.ts with definePolicies();
 * this registry is the one place the request pipeline asks "may this role do that?".
 */
const registry = new Map<string, ReadonlySet<Role>>();

export function definePolicies<P extends string>(policies: Record<P, readonly Role[]>): Record<P, P> {
  const names = {} as Record<P, P>;
  for (const [permission, roles] of Object.entries(policies) as [P, readonly Role[]][]) {
    if (registry.has(permission)) throw new Error(`permission ${permission} declared twice`);
    registry.set(permission, new Set(roles));
    names[permission] = permission;
  }
  return names;
}

export function permissionsFor(roles: readonly string[]): string[] {
  const out: string[] = [];
  for (const [permission, allowed] of registry) {
    if (roles.some((r) => allowed.has(r as Role))) out.push(permission);
  }
  return out;
}

export function can(roles: readonly string[], permission: string): boolean {
  const allowed = registry.get(permission);
  if (!allowed) throw new Error(`unknown permission ${permission}`);
  return roles.some((r) => allowed.has(r as Role));
}

/** What an installation administrator may do in an organisation they are not a member of. */
export const INSTALLATION_ADMIN_ROLE = 'installatiebeheer';
const installationPermissions = new Set<string>();
export function grantInstallationAdmin(...permissions: string[]) {
  for (const p of permissions) installationPermissions.add(p);
}
export function installationAdminCan(permission: string) {
  return installationPermissions.has(permission);
}

export function listInstallationPermissions(): string[] {
  return [...installationPermissions];
}
