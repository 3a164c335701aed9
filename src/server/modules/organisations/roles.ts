import { roleAllowedFor, type OrganisationKind, type Role } from '../../../shared/roles.js';
import { badRequest, conflict } from '../../core/http/problem.js';
import type { Executor } from '../../core/db/client.js';
import { countAdmins } from './repo.js';

export function assertRolesFit(roles: readonly Role[], kind: string) {
  const wrong = roles.filter((r) => !roleAllowedFor(r, kind as OrganisationKind));
  if (wrong.length) {
    throw badRequest(`De rol ${wrong.join(', ')} bestaat alleen bij een CSIRT-organisatie.`, [{ path: 'roles', message: 'past niet bij dit soort organisatie' }]);
  }
}

/** An organisation always keeps at least one administrator. */
export async function assertKeepsAnAdmin(tx: Executor, organisationId: string, losingAdmin: boolean) {
  if (losingAdmin && (await countAdmins(tx, organisationId)) <= 1) {
    throw conflict('Dit is de laatste beheerder van de organisatie. Wijs eerst een andere beheerder aan.');
  }
}
