/** A node of the dependency graph: an asset, a supplier or a joint arrangement. */
export interface GraphNodeRef {
  type: 'asset' | 'supplier' | 'joint_arrangement';
  id: string;
  name: string;
}

/**
 * The dependencies of one node, for its detail page: what it depends on and what depends on it,
 * adding and removing edges (when canManage), and a link to the cascade view from this node.
 */
export function NodeDependencies(_props: { org: string; node: GraphNodeRef; canManage: boolean }) {
  return null;
}
