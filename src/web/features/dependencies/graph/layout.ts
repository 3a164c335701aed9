import dagre from '@dagrejs/dagre';

/** The box every graph node is laid out with (the node's CSS uses the same width). */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 104;

export interface LayoutEdge {
  source: string;
  target: string;
}

export type Direction = 'LR' | 'TB';

/**
 * Positions for a directed graph, layered by dagre: with 'LR' an edge points from left to right (the
 * node something depends on stands to the right). Returns each node's top-left corner, as React Flow
 * places nodes. Edges to unknown nodes are ignored; cycles are fine (dagre reverses an edge to break them).
 */
export function layoutGraph(nodeIds: readonly string[], edges: readonly LayoutEdge[], direction: Direction = 'LR'): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: 28, ranksep: 96, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const known = new Set(nodeIds);
  for (const id of nodeIds) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  edges.forEach((edge, index) => {
    if (known.has(edge.source) && known.has(edge.target) && edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, `e${index}`);
  });
  dagre.layout(graph);
  const out = new Map<string, { x: number; y: number }>();
  for (const id of nodeIds) {
    const node = graph.node(id);
    out.set(id, { x: Math.round(node.x - NODE_WIDTH / 2), y: Math.round(node.y - NODE_HEIGHT / 2) });
  }
  return out;
}
