import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'assets.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'medewerker'],
  /** every kind of asset, and the bulk import */
  'assets.manage': ['admin', 'ciso', 'privacy'],
  /** operational technology (bridges, locks, pumping stations): also the OOV adviser */
  'assets.manage_ot': ['admin', 'ciso', 'privacy', 'oov'],
});
