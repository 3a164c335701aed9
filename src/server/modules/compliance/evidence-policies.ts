import { definePolicies } from '../../core/policies.js';

export const E = definePolicies({
  /** everyone who may read measures or assessments */
  'evidence.read': ['admin', 'ciso', 'privacy', 'auditor', 'bestuurder', 'raad', 'oov', 'medewerker'],
  /** upload, link, change and delete evidence */
  'evidence.manage': ['admin', 'ciso', 'privacy', 'medewerker'],
  /** machine observations against a measure (a scanner or monitoring with a personal API token) */
  'signals.record': ['admin', 'ciso', 'medewerker'],
  /** the CISO's "aandacht nodig" list */
  'compliance.attention': ['admin', 'ciso', 'privacy', 'auditor', 'medewerker'],
});
