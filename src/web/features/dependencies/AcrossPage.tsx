import { Alert, Button, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { useCurrentOrganisation } from '../../shared/organisation';
import { acrossKey, canLookAcross, fetchAcross, searchAcrossSuppliers } from './api';
import type { Across, AcrossSupplier } from './api';
import { ProcessTable } from './CascadePage';
import { DependenciesSubpage } from './DependenciesSubpage';
import type { GraphEdgeSpec, GraphNodeSpec } from './graph/DependencyGraph';
import { Graph, GraphLegend } from './graph/Graph';
import { isExceeded, sentences, useDependencyLabels } from './labels';
import type { DependencyLabels } from './labels';
import { DEFAULT_OUTAGE_HOURS, parseHours } from './paths';


/**
 * /o/:org/assets/across?kvk=<registration number>&hours=<n> — for a CSIRT: "this supplier fails — which
 * of our gemeenten and which of their processes?". The supplier is found by its KvK number in every
 * connected gemeente (each gemeente records its own copy of the supplier).
 */
export function AcrossPage() {
  const { t } = useDependencyLabels();
  const organisation = useCurrentOrganisation();
  const [params, setParams] = useSearchParams();
  const kvk = params.get('kvk')?.trim() ?? '';
  const rawHours = params.get('hours');
  const hours = parseHours(rawHours) ?? DEFAULT_OUTAGE_HOURS;
  const allowed = canLookAcross(organisation);
  const across = useQuery({
    queryKey: acrossKey(organisation.slug, kvk, hours),
    queryFn: ({ signal }) => fetchAcross(organisation.slug, kvk, hours, signal),
    enabled: allowed && kvk.length > 0,
  });

  return (
    <DependenciesSubpage title={t('dependencies.across.title')} intro={t('dependencies.across.intro', { count: organisation.connected.filter((o) => o.kind === 'gemeente').length })} allowed={allowed}>
      <SupplierFinder org={organisation.slug} onChoose={(number) => setParams({ kvk: number, hours: String(hours) })} />
      <AcrossForm key={params.toString()} initialKvk={kvk} initialHours={rawHours ?? String(DEFAULT_OUTAGE_HOURS)} onSubmit={(number, outage) => setParams({ kvk: number, hours: String(outage) })} />
      {across.isPending && kvk ? <Loading /> : null}
      <ProblemAlert error={across.error} />
      {across.data && kvk ? <AcrossResult key={`${kvk}-${hours}`} across={across.data} /> : null}
    </DependenciesSubpage>
  );
}

/** Finds a supplier of the connected gemeenten by name or KvK number; choosing one fills in its number. */
function SupplierFinder({ org, onChoose }: { org: string; onChoose: (registrationNumber: string) => void }) {
  const { t } = useDependencyLabels();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>();
  const found = useQuery({
    queryKey: ['dependencies-across-suppliers', org, query],
    queryFn: ({ signal }) => searchAcrossSuppliers(org, query, signal),
    enabled: query.length >= 2,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q.length < 2) {
      setError(t('dependencies.across.findTooShort'));
      document.getElementById('across-find')?.focus();
      return;
    }
    setError(undefined);
    setQuery(q);
  };
  const items: AcrossSupplier[] = found.data?.items ?? [];
  return (
    <section className="wb-section" aria-labelledby="across-find-heading">
      <Heading2 id="across-find-heading">{t('dependencies.across.findTitle')}</Heading2>
      <form onSubmit={submit} noValidate aria-label={t('dependencies.across.findTitle')}>
        <TextField id="across-find" label={t('dependencies.across.find')} description={t('dependencies.across.findDescription')} value={text} onChange={setText} autoComplete="off" error={error} />
        <SubmitButtons label={t('dependencies.across.findSubmit')} pending={found.isFetching} />
      </form>
      <ProblemAlert error={found.error} />
      {found.data ? (
        <div role="status">
          {items.length === 0 ? (
            <Paragraph>{t('dependencies.across.findNone', { q: query, count: found.data.linkedGemeenten })}</Paragraph>
          ) : (
            <ul className="wb-plain-list">
              {items.map((item) => (
                <li key={item.registrationNumber}>
                  <Button type="button" appearance="secondary-action-button" onClick={() => onChoose(item.registrationNumber)}>
                    {t('dependencies.across.findChoose', { names: item.names.join(' / '), kvk: item.registrationNumber, count: item.organisations })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}

function AcrossForm({ initialKvk, initialHours, onSubmit }: { initialKvk: string; initialHours: string; onSubmit: (kvk: string, hours: number) => void }) {
  const { t } = useDependencyLabels();
  const [kvk, setKvk] = useState(initialKvk);
  const [hours, setHours] = useState(initialHours);
  const [errors, setErrors] = useState<{ kvk?: string; hours?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = kvk.trim();
    const outage = parseHours(hours);
    const next = {
      kvk: number.length === 0 || number.length > 40 ? t('dependencies.across.kvkRequired') : undefined,
      hours: outage === null ? t('dependencies.cascade.hoursInvalid') : undefined,
    };
    setErrors(next);
    if (!next.kvk && outage !== null) onSubmit(number, outage);
    else document.getElementById(next.kvk ? 'across-kvk' : 'across-hours')?.focus();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('dependencies.across.formLabel')} className="wb-section">
      <TextField
        id="across-kvk"
        label={t('dependencies.across.kvk')}
        description={t('dependencies.across.kvkDescription')}
        value={kvk}
        onChange={setKvk}
        autoComplete="off"
        inputMode="numeric"
        error={errors.kvk}
      />
      <TextField
        id="across-hours"
        label={t('dependencies.cascade.hours')}
        description={t('dependencies.cascade.hoursDescription')}
        value={hours}
        onChange={setHours}
        inputMode="decimal"
        autoComplete="off"
        error={errors.hours}
      />
      <SubmitButtons label={t('dependencies.across.submit')} pending={false} />
    </form>
  );
}

function AcrossResult({ across }: { across: Across }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  const supplierNames = [...new Set(across.items.flatMap((item) => item.suppliers.map((s) => s.name)))];
  const supplier = supplierNames.length > 0 ? supplierNames.join(' / ') : t('dependencies.across.unknownSupplier');
  const hit = across.items.filter((item) => item.affectedProcesses > 0).length;
  const exceeded = across.items.filter((item) => isExceeded(item.worstStatus)).length;
  const { nodes, edges } = useMemo(() => acrossGraph(across, labels, supplier), [across, labels, supplier]);

  return (
    <section aria-labelledby="across-result-heading" className="wb-section">
      <Heading2 id="across-result-heading">
        {t('dependencies.across.resultTitle', { name: supplier, kvk: across.registrationNumber, hours: labels.hours(across.outageHours) })}
      </Heading2>
      <Paragraph role="status">
        {across.items.length === 0
          ? t('dependencies.across.none', { kvk: across.registrationNumber, count: across.linkedGemeenten })
          : `${t('dependencies.across.summary', { count: across.linkedGemeenten, using: across.items.length, hit })} ${t('dependencies.across.summaryExceeded', { count: exceeded })}`}
      </Paragraph>
      {across.items.length > 0 ? (
        <>
          <section aria-labelledby="across-graph-heading" className="wb-subsection">
            <Heading3 id="across-graph-heading">{t('dependencies.across.graphTitle')}</Heading3>
            <Paragraph id="across-graph-help">
              {t('dependencies.across.graphNote')} {t('dependencies.graph.help')} <a href="#across-table-heading" className="utrecht-link utrecht-link--html-a">{t('dependencies.cascade.toTable')}</a>
            </Paragraph>
            <GraphLegend
              visuals={nodes.map((n) => n.visual)}
              start={t('dependencies.graph.startFlag')}
              danger={across.items.some((item) => isExceeded(item.worstStatus)) ? t('dependencies.statuses.rto_overschreden') : undefined}
              arrows={t('dependencies.across.arrows')}
            />
            <Graph nodes={nodes} edges={edges} label={t('dependencies.across.graphLabel', { name: supplier })} descriptionId="across-graph-help" height={640} />
          </section>
          <section aria-labelledby="across-table-heading" className="wb-subsection">
            <Heading3 id="across-table-heading" tabIndex={-1}>
              {t('dependencies.across.perGemeente')}
            </Heading3>
            {across.items.map((item) => (
              <section key={item.organisation.slug} aria-labelledby={`across-${item.organisation.slug}`} className="wb-subsection">
                <Heading4 id={`across-${item.organisation.slug}`}>{item.organisation.name}</Heading4>
                <Paragraph>
                  {t('dependencies.across.gemeenteSummary', {
                    suppliers: item.suppliers.map((s) => s.name).join(', '),
                    count: item.affectedProcesses,
                  })}{' '}
                  {item.worstStatus ? (
                    <span className={isExceeded(item.worstStatus) ? 'wb-status-text--danger' : undefined}>
                      {t('dependencies.across.worst', { status: labels.status(item.worstStatus) })}
                    </span>
                  ) : null}
                </Paragraph>
                <GemeenteProcesses across={across} item={item} />
              </section>
            ))}
          </section>
        </>
      ) : (
        <Alert type="info">
          <Paragraph>{t('dependencies.across.noneHint')}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

/**
 * A gemeente's affected processes: the worst few from the overview, and on request all of them (one
 * more request for just this gemeente; a national outage hits tens of thousands of processes).
 */
function GemeenteProcesses({ across, item }: { across: Across; item: Across['items'][number] }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  const organisation = useCurrentOrganisation();
  const [all, setAll] = useState(false);
  const full = useQuery({
    queryKey: acrossKey(organisation.slug, across.registrationNumber, across.outageHours, item.organisation.slug),
    queryFn: ({ signal }) => fetchAcross(organisation.slug, across.registrationNumber, across.outageHours, signal, item.organisation.slug),
    enabled: all,
  });
  const processes = all && full.data ? (full.data.items[0]?.processes ?? []) : item.processes;
  const more = item.affectedProcesses - processes.length;
  if (item.affectedProcesses === 0) return null;
  return (
    <>
      <ProcessTable
        org={item.organisation.slug}
        processes={processes}
        orgLink={false}
        caption={
          more > 0
            ? t('dependencies.across.tableCaptionWorst', { gemeente: item.organisation.name, hours: labels.hours(across.outageHours), shown: processes.length, count: item.affectedProcesses })
            : t('dependencies.across.tableCaption', { gemeente: item.organisation.name, hours: labels.hours(across.outageHours) })
        }
      />
      {all && full.isPending ? <Loading /> : null}
      <ProblemAlert error={full.error} />
      {more > 0 && !all ? (
        <Button appearance="secondary-action-button" type="button" onClick={() => setAll(true)}>
          {t('dependencies.across.showAll', { count: item.affectedProcesses, gemeente: item.organisation.name })}
        </Button>
      ) : null}
    </>
  );
}

/** Up to this many failing processes in all, the graph draws each of them; above it only the gemeenten (with counts). */
const MAX_PROCESS_NODES = 60;

/** The processes that fail (the outage lasts longer than their RTO or MTD): of those in the answer, and how many in all. */
const failing = (item: Across['items'][number]) => item.processes.filter((p) => isExceeded(p.status));
const failingCount = (item: Across['items'][number]) => item.statusCounts.mtd_overschreden + item.statusCounts.rto_overschreden;

/**
 * The supplier (right), the gemeenten that use it (with how many processes are hit and how many fail),
 * and — while the graph stays readable — each gemeente's failing processes (left). A national outage
 * (hundreds of gemeenten) draws the gemeenten only; the tables list every process hit.
 */
function acrossGraph(across: Across, labels: DependencyLabels, supplier: string): { nodes: GraphNodeSpec[]; edges: GraphEdgeSpec[] } {
  // every failing process must be in the answer (it carries the worst few per gemeente) to be drawn
  const detailed =
    across.items.reduce((sum, item) => sum + failingCount(item), 0) <= MAX_PROCESS_NODES && across.items.every((item) => failing(item).length === failingCount(item));
  const { t } = labels;
  const supplierId = 'supplier';
  const nodes: GraphNodeSpec[] = [
    {
      id: supplierId,
      visual: 'supplier',
      typeLabel: labels.visual('supplier'),
      title: supplier,
      lines: [t('dependencies.across.kvkLine', { kvk: across.registrationNumber })],
      flags: [{ text: t('dependencies.graph.startFlag'), tone: 'start' }],
      start: true,
      hint: sentences([t('dependencies.graph.startSaid', { hours: labels.hours(across.outageHours) })]),
    },
  ];
  const edges: GraphEdgeSpec[] = [];
  for (const item of across.items) {
    const gemeenteId = `g:${item.organisation.slug}`;
    const worst = item.worstStatus;
    nodes.push({
      id: gemeenteId,
      visual: 'gemeente',
      typeLabel: labels.visual('gemeente'),
      title: item.organisation.name,
      lines: [
        t('dependencies.across.processesHit', { count: item.affectedProcesses }),
        t('dependencies.across.exceededLine', { count: failingCount(item) }),
      ],
      flags: worst ? [{ text: labels.status(worst), tone: isExceeded(worst) ? 'danger' : 'neutral' }] : [],
      danger: isExceeded(worst),
    });
    edges.push({ id: `${gemeenteId}>s`, source: gemeenteId, target: supplierId, label: t('dependencies.across.uses'), ariaLabel: `${item.organisation.name} ${t('dependencies.across.uses')} ${supplier}` });
    for (const process of detailed ? failing(item) : []) {
      const id = `p:${item.organisation.slug}:${process.id}`;
      nodes.push({
        id,
        visual: 'proces',
        typeLabel: labels.visual('proces'),
        title: process.name,
        lines: [`${t('dependencies.columns.rto')}: ${labels.hours(process.rtoHours)}`],
        flags: [{ text: labels.status(process.status), tone: isExceeded(process.status) ? 'danger' : 'neutral' }],
        danger: isExceeded(process.status),
        hint: sentences([t('dependencies.across.inGemeente', { gemeente: item.organisation.name })]),
      });
      edges.push({ id: `${id}>g`, source: id, target: gemeenteId, label: t('dependencies.across.processOf'), ariaLabel: `${process.name} ${t('dependencies.across.processOf')} ${item.organisation.name}` });
    }
  }
  return { nodes, edges };
}
