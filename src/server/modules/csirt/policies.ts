import { definePolicies } from '../../core/policies.js';

/**
 * The CSIRT's inbox of reports sent by its connected gemeenten (issue #6): reading it, and handling the
 * notifications (acknowledging, status, thread, campaigns), for the CSIRT's analysts and administrators.
 * The gemeente's side of the same notifications follows the incident permissions (incidents/policies.ts).
 */
export const C = definePolicies({
  'csirt.inbox.read': ['analist', 'admin'],
  'csirt.inbox.manage': ['analist', 'admin'],
});
