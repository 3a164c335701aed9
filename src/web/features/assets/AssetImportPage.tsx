import { Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import { FileImport, useFileImport } from '../compliance/exports/FileImport';
import '../compliance/evidence/evidence.css';
import { ASSET_PERMISSIONS, assetPath, assetsKey, assetsPath, exportUrl, importAssets } from './api';
import type { AssetImportResult, ImportCellProblem, ImportItem } from './api';
import { useAssetLabels } from './labels';
import './assets.css';

const LISTED_ROWS = 100;

/** "Objecten!B7" for a sheet and cell, "regel 7 (cel B7)" for a CSV line; the problem's own location otherwise. */
export function locate(problem: ImportCellProblem, t: TFunction): string | undefined {
  if (problem.sheet && problem.cell) return `${problem.sheet}!${problem.cell}`;
  if (problem.line !== undefined) return problem.cell ? t('assets.import.lineCell', { line: problem.line, cell: problem.cell }) : t('assets.import.line', { line: problem.line });
  if (problem.sheet) return t('assets.import.sheet', { sheet: problem.sheet });
  return problem.cell || undefined;
}

/** Gives every problem of a refused import (400) its location, so the list shows sheet!cell or the line. */
function withLocations(error: unknown, t: TFunction): never {
  if (isApiError(error)) {
    const problem = error.problem as { errors?: ImportCellProblem[] };
    if (Array.isArray(problem.errors)) problem.errors = problem.errors.map((item) => ({ ...item, location: locate(item, t) }));
  }
  throw error;
}

/** /o/:org/assets/import — upload XLSX or CSV, see what would change, then import all or nothing. */
export function AssetImportPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('assets.import.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, ASSET_PERMISSIONS.manage)) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: assetsPath(organisation.slug), label: t('assets.list.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      <AssetImport key={organisation.slug} slug={organisation.slug} />
    </>
  );
}

function AssetImport({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const importer = useFileImport<AssetImportResult>({
    send: (mode, file) => importAssets(slug, mode, file).catch((error: unknown) => withLocations(error, t)),
    fileRequired: t('assets.import.fileRequired'),
    resetOnChoose: true,
    onImported: () => queryClient.invalidateQueries({ queryKey: assetsKey(slug) }),
  });
  return (
    <>
      <Paragraph>{t('assets.import.intro')}</Paragraph>
      <Paragraph>
        {t('assets.import.templateBefore')}{' '}
        <a className="utrecht-link utrecht-link--html-a" href={exportUrl(slug, 'xlsx')} download>
          {t('assets.import.templateXlsx')}
        </a>{' '}
        {t('assets.import.templateOr')}{' '}
        <a className="utrecht-link utrecht-link--html-a" href={exportUrl(slug, 'csv')} download>
          {t('assets.import.templateCsv')}
        </a>
        {t('assets.import.templateAfter')}
      </Paragraph>
      <section aria-labelledby="asset-import-heading" className="wb-section">
        <Heading2 id="asset-import-heading">{t('assets.import.fileTitle')}</Heading2>
        <FileImport
          importer={importer}
          id="asset-import"
          formLabel={t('assets.import.fileTitle')}
          fileLabel={t('assets.import.file')}
          fileDescription={t('assets.import.fileHelp')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          previewLabel={t('assets.import.preview')}
          previewStatus={(preview, problems) => <PreviewSummary result={preview} invalid={problems.length > 0} />}
          previewDetails={(preview, problems) =>
            problems.length === 0 ? (
              <>
                <PreviewRows result={preview} />
                <PreviewLinks result={preview} />
              </>
            ) : null
          }
          canImport={(preview, problems) => problems.length === 0 && changeCount(preview) > 0}
          importLabel={(preview) => t('assets.import.confirm', { count: changeCount(preview) })}
          outcome={(done) => <Outcome slug={slug} result={done} />}
        />
      </section>
    </>
  );
}

const linkChanges = (result: AssetImportResult) => (result.links ? result.links.added + result.links.removed + (result.links.updated ?? 0) : 0);
/** Rows and links that change (servers that count links in `changes` and those that do not). */
const changeCount = (result: AssetImportResult) => Math.max(result.changes, result.items.length + linkChanges(result));

/** What the links (dependencies sheet) do, when the result says. */
function LinksLine({ result }: { result: AssetImportResult }) {
  const { t } = useTranslation();
  if (result.links === undefined) return null;
  if (result.links === null) return <Paragraph>{result.format === 'csv' ? t('assets.import.linksCsv') : t('assets.import.linksNone')}</Paragraph>;
  const { added, removed, unchanged, updated = 0 } = result.links;
  return <Paragraph>{t('assets.import.links', { added, removed, updated, unchanged })}</Paragraph>;
}

function PreviewSummary({ result, invalid }: { result: AssetImportResult; invalid: boolean }) {
  const { t } = useTranslation();
  if (invalid) return <Paragraph>{t('assets.import.previewInvalid')}</Paragraph>;
  const { created, updated, unchanged } = result.summary;
  const nothing = changeCount(result) === 0;
  return (
    <>
      <Paragraph>
        {t('assets.import.previewSummary', { created, updated, unchanged })} {nothing ? t('assets.import.nothing') : t('assets.import.allOrNothing')}
      </Paragraph>
      <LinksLine result={result} />
    </>
  );
}

function PreviewRows({ result }: { result: AssetImportResult }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  if (result.items.length === 0) return null;
  const where = (item: ImportItem) =>
    item.line !== undefined ? t('assets.import.line', { line: item.line }) : item.sheet ? t('assets.import.sheetRow', { sheet: item.sheet, row: item.row }) : t('assets.import.row', { row: item.row });
  const value = (text: string | null) => (text === null || text === '' ? t('assets.import.empty') : text);
  return (
    <>
      <DataTable label={t('assets.import.rowsTitle')} caption={t('assets.import.rowsTitle')} columns={[t('assets.import.where'), t('assets.import.action'), t('assets.fields.kind'), t('assets.fields.name'), t('assets.import.changes')]}>
        {result.items.slice(0, LISTED_ROWS).map((item) => (
          <TableRow key={`${item.sheet ?? ''}|${item.row}`}>
            <TableCell className="wb-nowrap">{where(item)}</TableCell>
            <TableCell>{item.action === 'create' ? t('assets.import.create') : t('assets.import.update')}</TableCell>
            <TableCell>{labels.kind(item.kind)}</TableCell>
            <TableHeaderCell scope="row">{item.name}</TableHeaderCell>
            <TableCell>
              <ul className="wb-changes">
                {item.fields.map((field) => (
                  <li key={field.field}>
                    <span className="wb-changes__field">{field.label}</span>: {item.action === 'create' ? value(field.after) : `${value(field.before)} → ${value(field.after)}`}
                  </li>
                ))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      {result.items.length > LISTED_ROWS ? <Paragraph>{t('assets.import.moreRows', { count: result.items.length - LISTED_ROWS })}</Paragraph> : null}
    </>
  );
}

/** The dependencies that change: added, removed (not on the sheet) or with a new note. */
function PreviewLinks({ result }: { result: AssetImportResult }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const items = result.links?.items ?? [];
  if (items.length === 0) return null;
  const end = (value: { type: string; name: string }) => (value.type === 'asset' ? value.name : `${labels.nodeType(value.type)}: ${value.name}`);
  return (
    <>
      <DataTable
        label={t('assets.import.linksTitle')}
        caption={t('assets.import.linksTitle')}
        columns={[t('assets.import.where'), t('assets.import.action'), t('assets.import.from'), t('assets.import.kind'), t('assets.import.to')]}
      >
        {items.slice(0, LISTED_ROWS).map((item, index) => (
          <TableRow key={`${item.action}|${item.row ?? ''}|${index}`}>
            <TableCell className="wb-nowrap">{item.row === null ? t('assets.import.notOnSheet') : t('assets.import.sheetRow', { sheet: item.sheet, row: item.row })}</TableCell>
            <TableCell>{t(`assets.import.linkActions.${item.action}`)}</TableCell>
            <TableHeaderCell scope="row">{end(item.from)}</TableHeaderCell>
            <TableCell>{item.kind.replace(/_/g, ' ')}</TableCell>
            <TableCell>{end(item.to)}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      {items.length > LISTED_ROWS ? <Paragraph>{t('assets.import.moreRows', { count: items.length - LISTED_ROWS })}</Paragraph> : null}
    </>
  );
}

function Outcome({ slug, result }: { slug: string; result: AssetImportResult }) {
  const { t } = useTranslation();
  const first = result.items.find((item) => item.id);
  return (
    <>
      <SuccessAlert>
        {t('assets.import.done', { created: result.summary.created, updated: result.summary.updated, unchanged: result.summary.unchanged })}
      </SuccessAlert>
      <LinksLine result={result} />
      <Paragraph>
        <AppLink to={assetsPath(slug)}>{t('assets.import.toList')}</AppLink>
        {first?.id && result.items.length === 1 ? (
          <>
            {' · '}
            <AppLink to={assetPath(slug, first.id)}>{first.name}</AppLink>
          </>
        ) : null}
      </Paragraph>
    </>
  );
}
