import '@xyflow/react/dist/style.css';
import '../dependencies.css';
import { Background, Handle, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider, useNodesState, useReactFlow } from '@xyflow/react';
import type { AriaLabelConfig, Edge, Node, NodeProps, NodeTypes, OnSelectionChangeParams } from '@xyflow/react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visual } from '../labels';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';
import type { Direction } from './layout';
import { TypeIcon } from './TypeIcon';

/** A text mark on a node, e.g. "Uitgevallen" or "RTO overschreden" (never colour alone). */
export interface GraphFlag {
  text: string;
  tone: 'danger' | 'start' | 'neutral';
}

export type GraphNodeSpec = {
  id: string;
  visual: Visual;
  /** the kind of node in words: Proces, Leverancier, … */
  typeLabel: string;
  title: string;
  /** further lines, e.g. "RTO 8 uur" */
  lines?: string[];
  flags?: GraphFlag[];
  /** the node that fails (drawn with a heavy border) */
  start?: boolean;
  /** a process past its RTO (drawn red) */
  danger?: boolean;
  /** a further sentence for screen readers only (e.g. how many steps from the outage) */
  hint?: string;
};

/** "source depends on target"; the arrow points to the target. */
export interface GraphEdgeSpec {
  id: string;
  source: string;
  target: string;
  label?: string;
  ariaLabel: string;
}

export interface DependencyGraphProps {
  nodes: GraphNodeSpec[];
  edges: GraphEdgeSpec[];
  /** the graph's accessible name */
  label: string;
  /** id of the visible text that explains how to use the graph and where its text alternative is */
  descriptionId?: string;
  direction?: Direction;
  /** a node chosen (click, or Enter/space on the focused node) or the choice cleared (null) */
  onSelect?: (id: string | null) => void;
  height?: number;
}

type CardData = GraphNodeSpec & { direction: Direction };
type CardNode = Node<CardData, 'card'>;

/** One node: icon and kind, name, lines, text marks. Its accessible name is the node's aria-label. */
function Card({ data, selected }: NodeProps<CardNode>) {
  const horizontal = data.direction === 'LR';
  const classes = [
    'wb-graph-node',
    `wb-graph-node--${data.visual}`,
    data.start ? 'wb-graph-node--start' : '',
    data.danger ? 'wb-graph-node--danger' : '',
    selected ? 'wb-graph-node--selected' : '',
  ].filter(Boolean);
  return (
    <div className={classes.join(' ')} style={{ width: NODE_WIDTH, minHeight: NODE_HEIGHT }}>
      <Handle type="target" position={horizontal ? Position.Left : Position.Top} isConnectable={false} className="wb-graph-handle" />
      <span className="wb-graph-node__type">
        <TypeIcon visual={data.visual} className="wb-graph-node__icon" />
        <span>
          {data.typeLabel}
          <Stop text={data.typeLabel} colon />
        </span>
      </span>
      <span className="wb-graph-node__title">
        {data.title}
        <Stop text={data.title} />
      </span>
      {data.lines?.map((line) => (
        <span key={line} className="wb-graph-node__line">
          {line}
          <Stop text={line} />
        </span>
      ))}
      {data.flags?.length ? (
        <span className="wb-graph-node__flags">
          {data.flags.map((flag) => (
            <span key={flag.text} className={`wb-graph-flag wb-graph-flag--${flag.tone}`}>
              {flag.text}
              <Stop text={flag.text} />
            </span>
          ))}
        </span>
      ) : null}
      {data.hint ? <span className="wb-visually-hidden">{data.hint}</span> : null}
      <Handle type="source" position={horizontal ? Position.Right : Position.Bottom} isConnectable={false} className="wb-graph-handle" />
    </div>
  );
}

/**
 * Punctuation between the parts of a node for screen readers (the node's accessible name is its text,
 * so what is seen is what is said — WCAG 2.5.3): ": " after the kind, ". " after the others. Inline and
 * without size (not positioned out of the flow), so it joins the word before it: "Proces: Afvalinzameling."
 */
function Stop({ text, colon }: { text: string; colon?: boolean }) {
  return <span className="wb-graph-stop">{colon ? ': ' : text.endsWith('.') ? ' ' : '. '}</span>;
}

const nodeTypes: NodeTypes = { card: Card };

/** Animation time for zoom and centring; none when the user asks for reduced motion. */
const motion = (ms: number) => (typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : ms);

/** Colours of the mini map, the same families as the nodes. */
const MINIMAP_COLOUR: Record<Visual, string> = {
  proces: '#1d4f91',
  applicatie: '#0b6160',
  systeem: '#3d4a5c',
  gegevensverzameling: '#5b2d82',
  locatie: '#6b5a1e',
  ot: '#3c6b12',
  asset: '#3d4a5c',
  supplier: '#8a4500',
  joint_arrangement: '#1e6b3a',
  gemeente: '#2c3e8c',
};

/** Parallel edges between the same two nodes become one edge with both labels. */
function mergeEdges(edges: GraphEdgeSpec[]): GraphEdgeSpec[] {
  const byPair = new Map<string, GraphEdgeSpec>();
  for (const edge of edges) {
    const key = `${edge.source}→${edge.target}`;
    const seen = byPair.get(key);
    if (!seen) byPair.set(key, { ...edge });
    else {
      seen.label = [seen.label, edge.label].filter(Boolean).join(', ');
      seen.ariaLabel = `${seen.ariaLabel}; ${edge.ariaLabel}`;
    }
  }
  return [...byPair.values()];
}

function toFlowNodes(specs: GraphNodeSpec[], edges: GraphEdgeSpec[], direction: Direction): CardNode[] {
  const positions = layoutGraph(
    specs.map((node) => node.id),
    edges,
    direction,
  );
  return specs.map((spec) => ({
    id: spec.id,
    type: 'card',
    position: positions.get(spec.id) ?? { x: 0, y: 0 },
    data: { ...spec, direction },
    ariaRole: 'button',
    draggable: false,
    connectable: false,
    deletable: false,
  }));
}

/**
 * A dependency graph drawn with React Flow, laid out with dagre: zoom (buttons, wheel, pinch), pan
 * (drag), fit, a mini map; every node is a keyboard stop (Tab), Enter or space chooses it, Escape clears
 * the choice. Choosing a node centres the view on it and tells `onSelect`. The page gives the text
 * alternative (a table with the same facts) and points to it with `descriptionId`.
 */
export default function DependencyGraph(props: DependencyGraphProps) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}

function Flow({ nodes: specs, edges: edgeSpecs, label, descriptionId, direction = 'LR', onSelect, height = 560 }: DependencyGraphProps) {
  const { t } = useTranslation();
  const flow = useReactFlow<CardNode>();
  const merged = useMemo(() => mergeEdges(edgeSpecs), [edgeSpecs]);
  const laidOut = useMemo(() => toFlowNodes(specs, merged, direction), [specs, merged, direction]);
  const [nodes, setNodes, onNodesChange] = useNodesState<CardNode>(laidOut);
  const first = useRef(true);

  // a new graph (another start node or outage): new positions, then everything in view
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setNodes(laidOut);
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, duration: motion(200) }));
    return () => cancelAnimationFrame(frame);
  }, [laidOut, setNodes, flow]);

  const edges = useMemo<Edge[]>(
    () =>
      merged.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.label,
        ariaLabel: edge.ariaLabel,
        className: 'wb-graph-edge',
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#4a4a4a' },
        focusable: false,
        selectable: false,
        deletable: false,
        labelBgPadding: [4, 2] as [number, number],
      })),
    [merged],
  );

  const onSelectionChange = useCallback(
    ({ nodes: chosen }: OnSelectionChangeParams) => {
      const node = chosen.length === 1 ? chosen[0] : null;
      if (node) {
        const zoom = Math.max(flow.getZoom(), 0.8);
        void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, { zoom, duration: motion(300) });
      }
      onSelect?.(node?.id ?? null);
    },
    [flow, onSelect],
  );

  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'node.a11yDescription.default': t('dependencies.graph.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('dependencies.graph.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': () => '',
      'edge.a11yDescription.default': '',
      'minimap.ariaLabel': t('dependencies.graph.minimap'),
      'handle.ariaLabel': '',
    }),
    [t],
  );

  return (
    <div className="wb-graph-frame">
      <div role="toolbar" aria-label={t('dependencies.graph.toolbar')} className="wb-graph-toolbar">
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => void flow.zoomIn({ duration: motion(150) })}>
            {t('dependencies.graph.zoomIn')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => void flow.zoomOut({ duration: motion(150) })}>
            {t('dependencies.graph.zoomOut')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => void flow.fitView({ padding: 0.12, duration: motion(200) })}>
            {t('dependencies.graph.fit')}
          </Button>
        </ButtonGroup>
      </div>
      <div className="wb-graph" style={{ height }}>
        <ReactFlow<CardNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onSelectionChange={onSelectionChange}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable
          edgesFocusable={false}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomOnDoubleClick={false}
          fitView
          fitViewOptions={{ padding: 0.12 }}
          minZoom={0.15}
          maxZoom={2}
          ariaLabelConfig={ariaLabelConfig}
          aria-label={label}
          aria-describedby={descriptionId}
        >
          <Background gap={24} size={1} color="#c9c9c9" />
          <MiniMap pannable zoomable position="bottom-right" nodeColor={(node) => MINIMAP_COLOUR[(node.data as CardData).visual] ?? '#555'} nodeStrokeWidth={2} />
        </ReactFlow>
      </div>
    </div>
  );
}
