import './dependencies.css';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { can, useOrganisation } from '../../shared/organisation';
import { createDependency, deleteDependency, DEPENDENCY_KINDS, DEPENDENCY_PERMISSIONS, dependenciesKey, fetchNodeDependencies, nodeDependenciesKey, nodePath } from './api';
import type { Dependency, DependencyKind, NodeChoice } from './api';
import { TypeIcon } from './graph/TypeIcon';
import { useDependencyLabels, visualOf } from './labels';
import { NodeSearch } from './NodeSearch';
import { cascadePath, DEFAULT_OUTAGE_HOURS } from './paths';

/** A node of the dependency graph: an asset, a supplier or a joint arrangement. */
export interface GraphNodeRef {
  type: 'asset' | 'supplier' | 'joint_arrangement';
  id: string;
  name: string;
}

type Direction = 'dependsOn' | 'usedBy';

/**
 * The dependencies of one node, for its detail page: what it depends on and what depends on it,
 * adding and removing edges (when canManage), and a link to the cascade view from this node.
 * Renders nothing for users who may not read the dependency graph.
 */
export function NodeDependencies({ org, node, canManage }: { org: string; node: GraphNodeRef; canManage: boolean }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  const organisation = useOrganisation(org);
  const readable = can(organisation.data, DEPENDENCY_PERMISSIONS.read);
  const manage = canManage && can(organisation.data, DEPENDENCY_PERMISSIONS.manage);
  const headingId = useId();
  const listsRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState('');
  const queryClient = useQueryClient();

  const edges = useQuery({
    queryKey: nodeDependenciesKey(org, node.id),
    queryFn: ({ signal }) => fetchNodeDependencies(org, node.id, signal),
    enabled: readable,
  });

  const remove = useMutation({
    mutationFn: (edge: Dependency) => deleteDependency(org, edge.id),
    onSuccess: async (_result, edge) => {
      setNotice(t('dependencies.node.removed', { description: describe(edge) }));
      await queryClient.invalidateQueries({ queryKey: dependenciesKey(org) });
      listsRef.current?.focus();
    },
  });

  if (!readable) return null;

  const dependsOn = (edges.data ?? []).filter((edge) => edge.from.id === node.id);
  const usedBy = (edges.data ?? []).filter((edge) => edge.to.id === node.id);
  const other = (edge: Dependency) => (edge.from.id === node.id ? edge.to : edge.from);
  function describe(edge: Dependency) {
    return `${labels.name(edge.from)} ${labels.kind(edge.kind)} ${labels.name(edge.to)}`;
  }

  /** the other end: a link to its page with its kind, or "(verwijderd)" */
  const link = (end: Dependency['from']) => (
    <>
      {end.name === null ? <em>{labels.name(end)}</em> : <AppLink to={nodePath(org, end)}>{end.name}</AppLink>} <span className="wb-muted">({labels.nodeType(end)})</span>
    </>
  );

  const list = (items: Dependency[], direction: Direction) => {
    const title = t(`dependencies.node.${direction}`);
    const id = `${headingId}-${direction}`;
    return (
      <section aria-labelledby={id} className="wb-subsection">
        <Heading3 id={id}>
          {title} <span className="wb-muted">({items.length})</span>
        </Heading3>
        {items.length === 0 ? (
          <Paragraph className="wb-muted">{t(`dependencies.node.${direction}None`, { name: node.name })}</Paragraph>
        ) : (
          <ul className="wb-dependency-list" aria-labelledby={id}>
            {items.map((edge) => {
              const end = other(edge);
              return (
                <li key={edge.id}>
                  <span className="wb-dependency-list__text">
                    <span className="wb-node-choice">
                      <TypeIcon visual={visualOf(end)} />
                      <span>
                        {direction === 'dependsOn' ? (
                          <>
                            {node.name} {labels.kind(edge.kind)} {link(end)}
                          </>
                        ) : (
                          <>
                            {link(end)} {labels.kind(edge.kind)} {node.name}
                          </>
                        )}
                        {edge.note ? <span className="wb-muted"> — {edge.note}</span> : null}
                      </span>
                    </span>
                  </span>
                  {manage ? (
                    <ButtonGroup>
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        hint="danger"
                        busy={remove.isPending && remove.variables?.id === edge.id}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(edge)}
                      >
                        {t('dependencies.node.remove')}
                        <span className="wb-visually-hidden"> {describe(edge)}</span>
                      </Button>
                    </ButtonGroup>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    );
  };

  return (
    <section aria-labelledby={headingId} className="wb-section">
      <Heading2 id={headingId}>{t('dependencies.node.title')}</Heading2>
      <Paragraph>
        <AppLink to={cascadePath(org, node, DEFAULT_OUTAGE_HOURS)}>{t('dependencies.node.whatIf')}</AppLink>
      </Paragraph>
      {notice ? <SuccessAlert>{notice}</SuccessAlert> : null}
      <ProblemAlert error={remove.error} />
      {edges.isPending ? <Loading /> : null}
      <ProblemAlert error={edges.error} />
      {edges.data ? (
        <div ref={listsRef} tabIndex={-1}>
          {list(dependsOn, 'dependsOn')}
          {list(usedBy, 'usedBy')}
        </div>
      ) : null}
      {manage && edges.data ? (
        <AddDependency
          org={org}
          node={node}
          onAdded={async (edge) => {
            remove.reset();
            setNotice(t('dependencies.node.added', { description: describe(edge) }));
            await queryClient.invalidateQueries({ queryKey: dependenciesKey(org) });
          }}
        />
      ) : null}
    </section>
  );
}

function AddDependency({ org, node, onAdded }: { org: string; node: GraphNodeRef; onAdded: (edge: Dependency) => Promise<void> }) {
  const labels = useDependencyLabels();
  const { t } = labels;
  const prefix = useId().replace(/:/g, '');
  const [direction, setDirection] = useState<Direction>('dependsOn');
  const [target, setTarget] = useState<NodeChoice | null>(null);
  const [kind, setKind] = useState<DependencyKind>('gebruikt');
  const [targetError, setTargetError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const add = useMutation({
    mutationFn: (other: NodeChoice) => {
      const self = { type: node.type, id: node.id };
      const ref = { type: other.type, id: other.id };
      return createDependency(org, direction === 'dependsOn' ? { from: self, to: ref, kind } : { from: ref, to: self, kind });
    },
    onSuccess: async (edge) => {
      setTarget(null);
      setFormKey((k) => k + 1);
      await onAdded(edge);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setTargetError(t('dependencies.node.targetRequired'));
      document.getElementById(`${prefix}-target-q`)?.focus();
      return;
    }
    setTargetError(null);
    add.mutate(target);
  };

  return (
    <section aria-labelledby={`${prefix}-heading`} className="wb-subsection">
      <Heading3 id={`${prefix}-heading`}>{t('dependencies.node.addTitle')}</Heading3>
      <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
        <ProblemAlert error={add.error} />
        <SelectField
          id={`${prefix}-direction`}
          label={t('dependencies.node.direction')}
          value={direction}
          options={[
            { value: 'dependsOn', label: t('dependencies.node.directionDependsOn', { name: node.name }) },
            { value: 'usedBy', label: t('dependencies.node.directionUsedBy', { name: node.name }) },
          ]}
          onChange={(value) => setDirection(value as Direction)}
        />
        <NodeSearch
          key={formKey}
          org={org}
          idPrefix={`${prefix}-target`}
          legend={direction === 'dependsOn' ? t('dependencies.node.targetDependsOn', { name: node.name }) : t('dependencies.node.targetUsedBy', { name: node.name })}
          value={target}
          onChange={(choice) => {
            setTarget(choice);
            setTargetError(null);
          }}
          exclude={[node.id]}
          error={targetError}
        />
        <SelectField
          id={`${prefix}-kind`}
          label={t('dependencies.node.kind')}
          description={t('dependencies.node.kindDescription')}
          value={kind}
          options={DEPENDENCY_KINDS.map((value) => ({ value, label: labels.kind(value) }))}
          onChange={(value) => setKind(value as DependencyKind)}
        />
        <SubmitButtons label={t('dependencies.node.add')} pending={add.isPending} />
      </form>
    </section>
  );
}
