import { Alert, Heading2, Heading3, Heading4, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { cascadeKey, DEPENDENCY_PERMISSIONS, fetchCascade, nodePath } from './api';
import type { AffectedProcess, Cascade, NodeChoice } from './api';
import { DependenciesSubpage } from './DependenciesSubpage';
import type { GraphEdgeSpec, GraphNodeSpec } from './graph/DependencyGraph';
import { Graph, GraphLegend } from './graph/Graph';
import { isExceeded, sentences, useDependencyLabels, visualOf } from './labels';
import type { DependencyLabels } from './labels';
import { NodeSearch } from './NodeSearch';
import { DEFAULT_OUTAGE_HOURS, cascadePath, formatNodeParam, parseHours, parseNodeParam } from './paths';
import type { NodeParam } from './paths';

/**
 * /o/:org/assets/cascade?node=<type>:<id>&hours=<n> — "what if this fails?": choose any asset, supplier
 * or joint arrangement and an expected outage; see every process hit, against its RTO, as a graph to
 * explore and as tables (the graph's text alternative).
 */
export function CascadePage() {
  const { t } = useDependencyLabels();
  const organisation = useCurrentOrganisation();
  const [params, setParams] = useSearchParams();
  const rawNode = params.get('node');
  const node = parseNodeParam(rawNode);
  const rawHours = params.get('hours');
  const hours = parseHours(rawHours) ?? DEFAULT_OUTAGE_HOURS;
  const allowed = can(organisation, DEPENDENCY_PERMISSIONS.read);

  const cascade = useQuery({
    queryKey: cascadeKey(organisation.slug, node?.id ?? '', hours),
    queryFn: ({ signal }) => fetchCascade(organisation.slug, node!.id, hours, signal),
    enabled: allowed && node !== null,
  });
  const start = cascade.data?.node;
  const startChoice: NodeChoice | null = start && node && start.id === node.id ? { type: start.type, id: start.id, name: start.name ?? '', kind: start.kind } : null;

  return (
    <DependenciesSubpage title={t('dependencies.cascade.title')} intro={t('dependencies.cascade.intro')} allowed={allowed}>
      <CascadeForm
        key={params.toString()}
        org={organisation.slug}
        initialNode={startChoice}
        initialHours={rawHours ?? String(DEFAULT_OUTAGE_HOURS)}
        onSubmit={(choice, outage) => setParams({ node: formatNodeParam(choice), hours: String(outage) })}
      />
      {rawNode && !node ? (
        <Alert type="error" role="alert">
          <Paragraph>{t('dependencies.cascade.badNode')}</Paragraph>
        </Alert>
      ) : null}
      {rawHours && parseHours(rawHours) === null ? (
        <Alert type="warning">
          <Paragraph>{t('dependencies.cascade.badHours', { hours: DEFAULT_OUTAGE_HOURS })}</Paragraph>
        </Alert>
      ) : null}
      {cascade.isPending && node ? <Loading /> : null}
      <ProblemAlert error={cascade.error} />
      {cascade.data && node ? <CascadeResult key={`${node.id}-${hours}`} org={organisation.slug} cascade={cascade.data} start={node} /> : null}
    </DependenciesSubpage>
  );
}

function CascadeForm({
  org,
  initialNode,
  initialHours,
  onSubmit,
}: {
  org: string;
  initialNode: NodeChoice | null;
  initialHours: string;
  onSubmit: (node: NodeParam, hours: number) => void;
}) {
  const { t } = useDependencyLabels();
  const [choice, setChoice] = useState<NodeChoice | null>(null);
  const [hours, setHours] = useState(initialHours);
  const [errors, setErrors] = useState<{ node?: string; hours?: string }>({});
  const chosen = choice ?? initialNode;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outage = parseHours(hours);
    const next = { node: chosen ? undefined : t('dependencies.cascade.nodeRequired'), hours: outage === null ? t('dependencies.cascade.hoursInvalid') : undefined };
    setErrors(next);
    if (chosen && outage !== null) onSubmit({ type: chosen.type, id: chosen.id }, outage);
    else document.getElementById(next.node ? 'cascade-node-q' : 'cascade-hours')?.focus();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('dependencies.cascade.formLabel')} className="wb-section">
      <NodeSearch
        org={org}
        idPrefix="cascade-node"
        legend={t('dependencies.cascade.nodeLegend')}
        description={t('dependencies.cascade.nodeDescription')}
        value={chosen}
        onChange={setChoice}
        error={errors.node}
      />
      <TextField
        id="cascade-hours"
        label={t('dependencies.cascade.hours')}
        description={t('dependencies.cascade.hoursDescription')}
        value={hours}
        onChange={setHours}
        inputMode="decimal"
        autoComplete="off"
        error={errors.hours}
      />
      <SubmitButtons label={t('dependencies.cascade.submit')} pending={false} />
    </form>
  );
}

/** Names of the graph's nodes by id, for paths. */
function useNames(cascade: Cascade, labels: DependencyLabels) {
  return useMemo(() => new Map(cascade.graph.nodes.map((n) => [n.id, labels.name(n)])), [cascade, labels]);
}

function CascadeResult({ org, cascade, start }: { org: string; cascade: Cascade; start: NodeParam }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  const names = useNames(cascade, labels);
  const [selected, setSelected] = useState<string | null>(null);
  const startName = labels.name(cascade.node);
  const exceeded = cascade.processes.filter((p) => isExceeded(p.status)).length;
  const processById = useMemo(() => new Map(cascade.processes.map((p) => [p.id, p])), [cascade]);
  const pathOf = useMemo(() => new Map(cascade.affected.map((a) => [a.id, a.path])), [cascade]);
  const via = (id: string) => (pathOf.get(id) ?? []).slice(1).map((step) => names.get(step) ?? '?');

  const { nodes, edges } = useMemo(() => cascadeGraph(cascade, labels, processById, names), [cascade, labels, processById, names]);
  const visuals = new Set(nodes.map((n) => n.visual));

  return (
    <section aria-labelledby="cascade-result-heading" className="wb-section">
      <Heading2 id="cascade-result-heading">{t('dependencies.cascade.resultTitle', { name: startName, hours: labels.hours(cascade.outageHours) })}</Heading2>
      <Paragraph role="status">
        {cascade.affected.length === 0
          ? t('dependencies.cascade.nothing', { name: startName })
          : `${t('dependencies.cascade.summary', { count: cascade.affected.length, processes: cascade.processes.length })} ${t('dependencies.cascade.summaryExceeded', { count: exceeded })}`}
      </Paragraph>
      <Paragraph>
        <AppLink to={nodePath(org, start)}>{t('dependencies.cascade.openStart', { name: startName })}</AppLink>
      </Paragraph>
      {cascade.truncated ? (
        <Alert type="warning">
          <Paragraph>{t('dependencies.cascade.truncated')}</Paragraph>
        </Alert>
      ) : null}

      {cascade.affected.length > 0 ? (
        <>
          <section aria-labelledby="cascade-graph-heading" className="wb-subsection">
            <Heading3 id="cascade-graph-heading">{t('dependencies.cascade.graphTitle')}</Heading3>
            <Paragraph id="cascade-graph-help">
              {t('dependencies.graph.help')} <a href="#cascade-processes-heading" className="utrecht-link utrecht-link--html-a">{t('dependencies.cascade.toTable')}</a>
            </Paragraph>
            <GraphLegend
              visuals={visuals}
              start={t('dependencies.graph.startFlag')}
              danger={exceeded > 0 ? t('dependencies.statuses.rto_overschreden') : undefined}
              arrows={t('dependencies.graph.arrows')}
            />
            <div className={selected ? 'wb-cascade wb-cascade--with-details' : 'wb-cascade'}>
              <Graph nodes={nodes} edges={edges} label={t('dependencies.cascade.graphLabel', { name: startName })} descriptionId="cascade-graph-help" onSelect={setSelected} />
              {selected ? (
                <NodeDetails org={org} cascade={cascade} id={selected} via={via(selected)} process={processById.get(selected)} />
              ) : null}
            </div>
          </section>

          <section aria-labelledby="cascade-processes-heading" className="wb-subsection">
            <Heading3 id="cascade-processes-heading" tabIndex={-1}>
              {t('dependencies.cascade.processesTitle', { count: cascade.processes.length })}
            </Heading3>
            {cascade.processes.length === 0 ? (
              <Paragraph>{t('dependencies.cascade.noProcesses')}</Paragraph>
            ) : (
              <ProcessTable org={org} processes={cascade.processes} via={via} caption={t('dependencies.cascade.processesCaption', { name: startName, hours: labels.hours(cascade.outageHours) })} />
            )}
          </section>

          <section aria-labelledby="cascade-all-heading" className="wb-subsection">
            <Heading3 id="cascade-all-heading">{t('dependencies.cascade.allTitle', { count: cascade.affected.length })}</Heading3>
            <DataTable
              label={t('dependencies.cascade.allTitle', { count: cascade.affected.length })}
              caption={t('dependencies.cascade.allCaption', { name: startName })}
              columns={[t('dependencies.columns.node'), t('dependencies.columns.type'), { label: t('dependencies.columns.depth'), className: 'wb-numeric' }, t('dependencies.columns.via')]}
            >
              {cascade.affected.map((node) => (
                <TableRow key={node.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={nodePath(org, node)}>{labels.name(node)}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{labels.nodeType(node)}</TableCell>
                  <TableCell className="wb-numeric">{node.depth}</TableCell>
                  <TableCell>{via(node.id).join(' → ')}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          </section>
        </>
      ) : null}
    </section>
  );
}

/** The processes hit, worst first: criticality, RTO, whether the outage passes it, and through what. */
export function ProcessTable({ org, processes, via, caption, orgLink = true }: { org: string; processes: AffectedProcess[]; via?: (id: string) => string[]; caption: string; orgLink?: boolean }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  return (
    <DataTable
      label={caption}
      caption={caption}
      columns={[
        t('dependencies.columns.process'),
        t('dependencies.columns.criticality'),
        { label: t('dependencies.columns.rto'), className: 'wb-numeric' },
        t('dependencies.columns.exceeded'),
        via ? t('dependencies.columns.via') : null,
      ]}
    >
      {processes.map((process) => (
        <TableRow key={process.id}>
          <TableHeaderCell scope="row">{orgLink ? <AppLink to={nodePath(org, { type: 'asset', id: process.id })}>{process.name}</AppLink> : process.name}</TableHeaderCell>
          <TableCell>{labels.criticality(process.criticality)}</TableCell>
          <TableCell className="wb-numeric">{labels.hours(process.rtoHours)}</TableCell>
          <TableCell>
            <span className={isExceeded(process.status) ? 'wb-status-text--danger' : undefined}>{labels.exceeded(process.status)}</span>
          </TableCell>
          {via ? <TableCell>{via(process.id).join(' → ')}</TableCell> : null}
        </TableRow>
      ))}
    </DataTable>
  );
}

function NodeDetails({ org, cascade, id, via, process }: { org: string; cascade: Cascade; id: string; via: string[]; process?: AffectedProcess }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  const node = cascade.graph.nodes.find((n) => n.id === id);
  if (!node) return null;
  const name = labels.name(node);
  const isStart = node.id === cascade.node.id;
  return (
    <section aria-labelledby="cascade-details-heading" className="wb-node-details">
      <p role="status" className="wb-visually-hidden">
        {t('dependencies.details.chosen', { name })}
      </p>
      <Heading4 id="cascade-details-heading">{name}</Heading4>
      <FactList
        facts={[
          { label: t('dependencies.columns.type'), value: labels.nodeType(node) },
          isStart
            ? { label: t('dependencies.details.role'), value: t('dependencies.details.isStart') }
            : { label: t('dependencies.columns.depth'), value: t('dependencies.details.steps', { count: node.depth }) },
          !isStart && via.length > 0 && { label: t('dependencies.columns.via'), value: via.join(' → ') },
          process ? { label: t('dependencies.columns.criticality'), value: labels.criticality(process.criticality) } : null,
          process ? { label: t('dependencies.columns.rto'), value: labels.hours(process.rtoHours) } : null,
          process ? { label: t('dependencies.columns.mtd'), value: labels.hours(process.mtdHours) } : null,
          process
            ? {
                label: t('dependencies.columns.exceeded'),
                value: <span className={isExceeded(process.status) ? 'wb-status-text--danger' : undefined}>{labels.exceeded(process.status)}</span>,
              }
            : null,
        ]}
      />
      <ul className="wb-plain-list">
        <li>
          <AppLink to={nodePath(org, node)}>{t('dependencies.details.open', { name })}</AppLink>
        </li>
        {isStart ? null : (
          <li>
            <AppLink to={cascadePath(org, node, cascade.outageHours)}>{t('dependencies.details.recentre', { name })}</AppLink>
          </li>
        )}
      </ul>
    </section>
  );
}

/** The cascade as graph nodes and edges: "from depends on to", the arrow pointing at what fails first. */
function cascadeGraph(cascade: Cascade, labels: DependencyLabels, processById: Map<string, AffectedProcess>, names: Map<string, string>): { nodes: GraphNodeSpec[]; edges: GraphEdgeSpec[] } {
  const { t } = labels;
  const nodes = cascade.graph.nodes.map((node): GraphNodeSpec => {
    const name = labels.name(node);
    const isStart = node.id === cascade.node.id;
    const process = processById.get(node.id);
    const flags: GraphNodeSpec['flags'] = [];
    const lines: string[] = [];
    if (isStart) flags.push({ text: t('dependencies.graph.startFlag'), tone: 'start' });
    if (process) {
      lines.push(`${t('dependencies.columns.rto')}: ${labels.hours(process.rtoHours)}`);
      flags.push({ text: labels.status(process.status), tone: isExceeded(process.status) ? 'danger' : 'neutral' });
    }
    return {
      id: node.id,
      visual: visualOf(node),
      typeLabel: labels.nodeType(node),
      title: name,
      lines,
      flags,
      start: isStart,
      danger: process ? isExceeded(process.status) : false,
      hint: sentences([isStart ? t('dependencies.graph.startSaid', { hours: labels.hours(cascade.outageHours) }) : t('dependencies.details.steps', { count: node.depth })]),
    };
  });
  const edges = cascade.graph.edges.map(
    (edge): GraphEdgeSpec => ({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      label: labels.kind(edge.kind),
      ariaLabel: `${names.get(edge.from) ?? '?'} ${labels.kind(edge.kind)} ${names.get(edge.to) ?? '?'}`,
    }),
  );
  return { nodes, edges };
}
