import { Heading, Heading2, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { SelectField } from '../../shared/SelectField';
import { TextField } from '../../shared/TextField';
import { RESULTS } from './api';
import type { CoverageItem, CoverageReport, DerivedResult, FrameworkDetail, Requirement } from './api';
import { CoverageSources } from './CoverageSources';
import { newMeasurePath, RESULT_BADGE, REQUIREMENT_STATUS_BADGE, useComplianceLabels } from './labels';
import { useFrameworkNames, useMappingSets } from './queries';

interface TreeNode {
  requirement: Requirement;
  children: TreeNode[];
}

/** The requirements as a tree by parentRef, in the package's order; a missing parent makes a node a root. */
function buildTree(requirements: Requirement[]): TreeNode[] {
  const nodes = new Map(requirements.map((requirement) => [requirement.ref, { requirement, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const requirement of requirements) {
    const node = nodes.get(requirement.ref)!;
    const parent = requirement.parentRef ? nodes.get(requirement.parentRef) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

const rowId = (ref: string) => `req-${ref}`;

export interface RequirementsSectionProps {
  slug: string;
  framework: FrameworkDetail;
  /** null without measures.read or while loading: the tree is shown without results. */
  coverage: CoverageReport | null;
  canManage: boolean;
}

/**
 * The framework's requirements: chapters as headings, the assessable requirements of each chapter in a
 * table with their derived result and where it comes from. Filter by result and by text on ref or title.
 */
export function RequirementsSection({ slug, framework, coverage, canManage }: RequirementsSectionProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const [text, setText] = useState('');
  const [result, setResult] = useState<DerivedResult | ''>('');
  const tree = useMemo(() => buildTree(framework.requirements), [framework.requirements]);
  const items = useMemo(() => new Map((coverage?.items ?? []).map((item) => [item.ref, item])), [coverage]);
  const showReferences = framework.requirements.some(
    (requirement) => requirement.assessable && (requirement.cbwScope !== null || requirement.legalReference || requirement.isoControl),
  );

  const needle = text.trim().toLocaleLowerCase();
  const matches = (requirement: Requirement) => {
    if (!requirement.assessable) return false;
    if (result && items.get(requirement.ref)?.result !== result) return false;
    if (!needle) return true;
    return requirement.ref.toLocaleLowerCase().includes(needle) || requirement.title.toLocaleLowerCase().includes(needle);
  };
  const assessable = framework.requirements.filter((requirement) => requirement.assessable);
  const shown = assessable.filter(matches).length;

  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <section aria-labelledby="requirements-heading" className="wb-section">
      <Heading2 id="requirements-heading">{t('compliance.framework.requirementsTitle')}</Heading2>
      <form role="search" aria-label={t('compliance.framework.filterLabel')} className="wb-inline-form" onSubmit={onSubmit}>
        <TextField id="requirements-filter" type="search" label={t('compliance.framework.filterText')} value={text} onChange={setText} autoComplete="off" />
        {coverage ? (
          <SelectField
            id="requirements-result"
            label={t('compliance.framework.filterResult')}
            value={result}
            onChange={(value) => setResult(value as DerivedResult | '')}
            options={[{ value: '', label: t('compliance.framework.allResults') }, ...RESULTS.map((value) => ({ value, label: labels.result(value) }))]}
          />
        ) : null}
      </form>
      <Paragraph role="status">{t('compliance.framework.shown', { shown, total: assessable.length })}</Paragraph>
      <RequirementTree
        nodes={tree}
        depth={0}
        label={framework.name}
        matches={matches}
        slug={slug}
        framework={framework}
        items={coverage ? items : null}
        showReferences={showReferences}
        canManage={canManage}
      />
    </section>
  );
}

interface TreeProps {
  nodes: TreeNode[];
  depth: number;
  /** Names the table of this level (for the scroll region): the chapter, or the framework at the top. */
  label: string;
  matches: (requirement: Requirement) => boolean;
  slug: string;
  framework: FrameworkDetail;
  items: Map<string, CoverageItem> | null;
  showReferences: boolean;
  canManage: boolean;
}

function hasMatch(node: TreeNode, matches: (requirement: Requirement) => boolean): boolean {
  return matches(node.requirement) || node.children.some((child) => hasMatch(child, matches));
}

/** One level of the tree: the assessable requirements in a table, then each chapter under its own heading. */
function RequirementTree({ nodes, depth, label, ...props }: TreeProps) {
  const rows = nodes.filter((node) => node.requirement.assessable && props.matches(node.requirement)).map((node) => node.requirement);
  const chapters = nodes.filter((node) => !node.requirement.assessable && hasMatch(node, props.matches));
  // Under the page's h1 and the section's h2, chapters start at h3; deeper levels stop at h6.
  const level = Math.min(3 + depth, 6);
  return (
    <>
      {rows.length > 0 ? <RequirementTable rows={rows} label={label} {...props} /> : null}
      {chapters.map((chapter) => (
        <div key={chapter.requirement.ref} className="wb-chapter">
          <Heading level={level} id={rowId(chapter.requirement.ref)}>
            {chapter.requirement.ref} {chapter.requirement.title}
          </Heading>
          {chapter.requirement.description ? <Paragraph>{chapter.requirement.description}</Paragraph> : null}
          <RequirementTree
            nodes={chapter.children}
            depth={depth + 1}
            label={`${chapter.requirement.ref} ${chapter.requirement.title}`}
            {...props}
          />
        </div>
      ))}
    </>
  );
}

type TableProps = Omit<TreeProps, 'nodes' | 'depth' | 'matches'> & { rows: Requirement[] };

function RequirementTable({ rows, label, slug, framework, items, showReferences, canManage }: TableProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const mappingSets = useMappingSets();
  const frameworkName = useFrameworkNames();
  return (
    <DataTable
      label={label}
      className="wb-requirements"
      columns={[
        t('compliance.framework.ref'),
        t('compliance.framework.requirement'),
        showReferences && t('compliance.framework.references'),
        items && t('compliance.framework.result'),
        items && t('compliance.framework.provenance'),
      ]}
    >
      {rows.map((requirement) => {
        const item = items?.get(requirement.ref);
        return (
          <TableRow key={requirement.ref} id={rowId(requirement.ref)}>
            <TableHeaderCell scope="row" className="wb-nowrap">
              {requirement.ref}
            </TableHeaderCell>
            <TableCell>
              <span className="wb-requirement__title">{requirement.title}</span>
              {requirement.status !== 'active' ? (
                <span className="wb-requirement__status">
                  <StatusBadge status={REQUIREMENT_STATUS_BADGE[requirement.status]}>{labels.requirementStatus(requirement.status)}</StatusBadge>
                  {requirement.replacedBy ? (
                    <>
                      {' '}
                      {t('compliance.framework.replacedBy')}{' '}
                      <a className="utrecht-link utrecht-link--html-a" href={`#${rowId(requirement.replacedBy)}`}>
                        {requirement.replacedBy}
                      </a>
                    </>
                  ) : null}
                </span>
              ) : null}
              {requirement.description ? <span className="wb-requirement__description">{requirement.description}</span> : null}
            </TableCell>
            {showReferences ? (
              <TableCell>
                <References requirement={requirement} />
              </TableCell>
            ) : null}
            {items ? (
              <TableCell>
                {item ? (
                  <StatusBadge status={RESULT_BADGE[item.result]}>{labels.result(item.result)}</StatusBadge>
                ) : (
                  <span className="wb-muted">{t('compliance.framework.notApplicable')}</span>
                )}
              </TableCell>
            ) : null}
            {items ? (
              <TableCell>
                {item ? (
                  <>
                    <CoverageSources
                      slug={slug}
                      frameworkId={framework.id}
                      item={item}
                      mappingSets={mappingSets.data ?? []}
                      frameworkName={frameworkName}
                    />
                    {canManage ? (
                      <AppLink
                        className="wb-requirement__add"
                        to={`${newMeasurePath(slug)}?framework=${encodeURIComponent(framework.id)}&ref=${encodeURIComponent(requirement.ref)}`}
                      >
                        {t('compliance.framework.addMeasure')}
                        <span className="wb-visually-hidden"> {t('compliance.framework.forRequirement', { ref: requirement.ref })}</span>
                      </AppLink>
                    ) : null}
                  </>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        );
      })}
    </DataTable>
  );
}

function References({ requirement }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const lines = [
    requirement.cbwScope === true ? t('compliance.framework.cbwScopeYes') : null,
    requirement.cbwScope === false ? t('compliance.framework.cbwScopeNo') : null,
    requirement.legalReference ? t('compliance.framework.legalReference', { reference: requirement.legalReference }) : null,
    requirement.isoControl ? t('compliance.framework.isoControl', { control: requirement.isoControl }) : null,
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return null;
  return (
    <ul className="wb-requirement__refs">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
