import { definePolicies } from '../../core/policies.js';

export const P = definePolicies({
  'dependencies.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'medewerker'],
  /** link and unlink nodes (oov: the OT and continuity side of the graph) */
  'dependencies.manage': ['admin', 'ciso', 'privacy', 'oov'],
  /** a CSIRT's or veiligheidsregio's cascade across its connected gemeenten */
  'dependencies.overview': ['admin', 'analist', 'oov', 'ciso'],
});
