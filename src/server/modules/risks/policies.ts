import { definePolicies } from '../../core/policies.js';

/**
 * The risk register. Accepting a risk is not a permission of its own: anyone who may read the register
 * and holds one of the roles the organisation's matrix names for the risk's residual level may accept it
 * (default laag/midden: CISO or privacy officer; hoog/kritiek: the bestuurder). See accept-risk in acceptance.ts.
 */
export const P = definePolicies({
  'risks.read': ['admin', 'ciso', 'privacy', 'oov', 'auditor', 'bestuurder', 'raad', 'medewerker'],
  /** create, edit and delete risks and DPIA records */
  'risks.manage': ['admin', 'ciso', 'privacy', 'oov'],
  /** the organisation's risk matrix */
  'risks.configure': ['admin', 'ciso'],
});
