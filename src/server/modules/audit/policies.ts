import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'audit.read': ['admin', 'auditor'],
});
