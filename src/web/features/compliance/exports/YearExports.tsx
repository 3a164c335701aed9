import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { seg } from '../../../app/api';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { useFrameworkNames } from '../queries';
import { apiUrl, postFile, XLSX_TYPE } from '../evidence/transfer';
import '../evidence/evidence.css';
import { FileImport, useFileImport } from './FileImport';

export interface YearExportsProps {
  year: number;
  frameworks: Array<{ id: string; title: string }>;
  /** A signed year is frozen: it can be exported, not re-imported. */
  signed: boolean;
  canImport: boolean;
  headingLevel?: 2 | 3;
}

interface YearImportResult {
  mode: 'preview' | 'import';
  changes: number;
  errors: Array<{ sheet: string; cell: string; message: string; path?: string }>;
  /** Changes per field (field label → rows). */
  summary?: Record<string, number>;
  items?: Array<{
    sheet: string;
    row: number;
    framework: string;
    ref: string;
    requirementId: string;
    fields: Array<{ field: string; label: string; before: string | null; after: string | null }>;
  }>;
}

const LISTED_CHANGES = 50;

/** What a preview would change: per field, then row by row (the first rows). */
function PreviewChanges({ result }: { result: YearImportResult }) {
  const { t } = useTranslation();
  const frameworkName = useFrameworkNames();
  const items = result.items ?? [];
  const summary = Object.entries(result.summary ?? {});
  if (items.length === 0 && summary.length === 0) return null;
  const value = (text: string | null) => (text === null || text === '' ? t('evidence.exports.empty') : text);
  // the summary is keyed by field; the rows carry each field's label
  const labels = new Map(items.flatMap((item) => item.fields.map((field) => [field.field, field.label] as const)));
  return (
    <>
      {summary.length > 0 ? (
        <Paragraph>
          {t('evidence.exports.perField')} {summary.map(([field, count]) => `${labels.get(field) ?? field}: ${count}`).join(', ')}
        </Paragraph>
      ) : null}
      {items.length > 0 ? (
        <ul className="wb-plain-list">
          {items.slice(0, LISTED_CHANGES).map((item) => (
            <li key={`${item.sheet}|${item.row}`}>
              <strong>
                {frameworkName(item.framework)} {item.ref}
              </strong>{' '}
              <span className="wb-muted">({t('evidence.exports.row', { sheet: item.sheet, row: item.row })})</span>
              <ul className="wb-changes">
                {item.fields.map((field) => (
                  <li key={field.field}>
                    {field.label}: {value(field.before)} → {value(field.after)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > LISTED_CHANGES ? <Paragraph>{t('evidence.exports.moreChanges', { count: items.length - LISTED_CHANGES })}</Paragraph> : null}
    </>
  );
}

const yearBase = (slug: string, year: number) => `/organisations/${seg(slug)}/assessment-years/${year}`;

/**
 * Downloads of one year — the Verklaring van Toepasselijkheid per framework (XLSX, PDF), the full
 * export (XLSX) and OSCAL assessment results (JSON) — and the re-import of an edited export:
 * preview first (changes and cell errors), then import all or nothing.
 */
export function YearExports({ year, frameworks, signed, canImport, headingLevel = 2 }: YearExportsProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const prefix = `year-exports-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const base = yearBase(slug, year);
  const link = (path: string, label: string, hidden?: string) => (
    <a className="utrecht-link utrecht-link--html-a" href={apiUrl(path)} download>
      {label}
      {hidden ? <span className="wb-visually-hidden"> {hidden}</span> : null}
    </a>
  );
  return (
    <section aria-labelledby={`${prefix}-heading`} className="wb-section">
      <Heading level={headingLevel} id={`${prefix}-heading`}>
        {t('evidence.exports.title', { year })}
      </Heading>
      <Paragraph>{t('evidence.exports.intro')}</Paragraph>
      <ul className="wb-plain-list">
        {frameworks.map((framework) => (
          <li key={framework.id}>
            {t('evidence.exports.soa', { framework: framework.title })}:{' '}
            {link(`${base}/soa.xlsx?framework=${encodeURIComponent(framework.id)}`, 'XLSX', t('evidence.exports.soa', { framework: framework.title }))}
            {' · '}
            {link(`${base}/soa.pdf?framework=${encodeURIComponent(framework.id)}`, 'PDF', t('evidence.exports.soa', { framework: framework.title }))}
          </li>
        ))}
        <li>{link(`${base}/export.xlsx`, t('evidence.exports.full'))}</li>
        <li>{link(`${base}/oscal-assessment-results.json`, t('evidence.exports.oscal'))}</li>
      </ul>
      {canImport ? (
        signed ? (
          <Paragraph>{t('evidence.exports.importSigned')}</Paragraph>
        ) : (
          <YearImport year={year} prefix={prefix} headingLevel={headingLevel === 2 ? 3 : 4} />
        )
      ) : null}
    </section>
  );
}

function YearImport({ year, prefix, headingLevel }: { year: number; prefix: string; headingLevel: number }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const queryClient = useQueryClient();
  const importer = useFileImport<YearImportResult>({
    send: (mode, body) => postFile<YearImportResult>(`${yearBase(slug, year)}/import?mode=${mode}`, body, XLSX_TYPE),
    fileRequired: t('evidence.import.fileRequired'),
    // Everything of this organisation that reads the year: assessments, progress, evidence links.
    onImported: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'organisation' && query.queryKey[1] === slug && query.queryKey.length > 2 }),
  });
  return (
    <div className="wb-subsection">
      <Heading level={headingLevel}>{t('evidence.exports.importTitle')}</Heading>
      <Paragraph>{t('evidence.exports.importIntro')}</Paragraph>
      <FileImport
        importer={importer}
        id={`${prefix}-import`}
        formLabel={t('evidence.exports.importTitle')}
        fileLabel={t('evidence.exports.importFile')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        previewLabel={t('evidence.import.preview')}
        previewStatus={(preview, problems) => (
          <Paragraph>{problems.length > 0 ? t('evidence.exports.previewInvalid') : t('evidence.exports.previewChanges', { count: preview.changes })}</Paragraph>
        )}
        previewDetails={(preview, problems) => (problems.length === 0 ? <PreviewChanges result={preview} /> : null)}
        canImport={(preview, problems) => problems.length === 0 && preview.changes > 0}
        importLabel={(preview) => t('evidence.exports.confirmImport', { count: preview.changes })}
        outcome={(done) => <SuccessAlert>{t('evidence.exports.imported', { count: done.changes })}</SuccessAlert>}
      />
    </div>
  );
}
