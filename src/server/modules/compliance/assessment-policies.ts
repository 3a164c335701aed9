import { definePolicies } from '../../core/policies.js';

export const A = definePolicies({
  'assessments.read': ['admin', 'ciso', 'privacy', 'auditor', 'bestuurder', 'raad', 'oov', 'medewerker'],
  /** fill in explanation, owner, due date */
  'assessments.edit': ['admin', 'ciso', 'privacy', 'medewerker'],
  /** decide applicability and the result (voldoet …) */
  'assessments.decide': ['admin', 'ciso', 'privacy'],
  /** open a year, move it to audit and to the council */
  'assessments.manage': ['admin', 'ciso'],
  /** the college statement */
  'assessments.sign': ['bestuurder'],
  /** auditor remarks */
  'assessments.audit': ['auditor'],
  /** a CSIRT's or veiligheidsregio's overview of the progress of its gemeenten */
  'compliance.overview': ['admin', 'analist', 'ciso', 'bestuurder', 'oov'],
});
