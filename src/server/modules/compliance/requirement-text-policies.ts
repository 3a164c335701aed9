import { definePolicies } from '../../core/policies.js';

/**
 * Official requirement text (the BIO2 spreadsheet) that an organisation loads into its own
 * installation. Reading it needs measures.read (see measure-policies.ts).
 */
export const RT = definePolicies({
  'requirementTexts.manage': ['admin', 'ciso'],
});
