import { definePolicies, grantInstallationAdmin } from '../../core/policies.js';
import { ROLES } from '../../../shared/roles.js';

export const P = definePolicies({
  'organisation.read': ROLES,
  'organisation.manage': ['admin'],
  'members.read': ['admin', 'ciso', 'privacy', 'auditor'],
  'members.manage': ['admin'],
});

// An installation administrator can set up an organisation they are not a member of.
grantInstallationAdmin(P['organisation.read'], P['organisation.manage'], P['members.read'], P['members.manage']);
