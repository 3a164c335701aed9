import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'suppliers.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'medewerker'],
  'suppliers.manage': ['admin', 'ciso', 'privacy'],
});
