import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'measures.read': ['admin', 'ciso', 'privacy', 'auditor', 'bestuurder', 'oov', 'medewerker'],
  'measures.manage': ['admin', 'ciso', 'privacy'],
});
