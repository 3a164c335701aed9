import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'suppliers.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'medewerker'],
  'suppliers.manage': ['admin', 'ciso', 'privacy'],
  /** a samenwerkingsverband's own shared status: every member reads it */
  'sharing.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'medewerker', 'raad'],
  /** publish the status (and whether compliance progress is shared) to the participating organisations */
  'sharing.manage': ['admin', 'ciso'],
});
