import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'actions.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'raad', 'medewerker'],
  /** create, assign and close any action; the owner of an action may change its status and description */
  'actions.manage': ['admin', 'ciso', 'privacy'],
});
