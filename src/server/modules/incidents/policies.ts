import { definePolicies } from '../../core/policies.js';

/**
 * The incident register (issue #6). Reading is for the people who handle, oversee or audit incidents;
 * managing (recording, correcting, answering the legal questions, sending the reports) for those who
 * handle them; configuring the reminders before the deadlines for the administrator and the CISO.
 */
export const P = definePolicies({
  'incidents.read': ['admin', 'ciso', 'privacy', 'oov', 'bestuurder', 'auditor'],
  'incidents.manage': ['admin', 'ciso', 'privacy', 'oov'],
  'incidents.configure': ['admin', 'ciso'],
});
