import { Fieldset, FieldsetLegend, FormField, FormLabel, Heading1, Heading2, Paragraph, RadioButton } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../shared/SelectField';
import { TextField } from '../../shared/TextField';
import { useFrameworks } from '../compliance/queries';
import { useSignedInMe } from '../../app/session';
import { NoAccess } from '../../shared/NoAccess';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { usePageTitle } from '../../shared/usePageTitle';
import { frameworksKey, mappingSetsKey } from '../compliance/api';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import { apiUrl, postFile, XLSX_TYPE } from '../compliance/evidence/transfer';
import '../compliance/evidence/evidence.css';
import { FileImport, useFileImport } from '../compliance/exports/FileImport';
import { ImportProblemList, ImportWarnings, problemsOf } from '../compliance/exports/ImportProblems';

const FORMATS = ['package', 'oscal', 'cisoAssistant', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const FORMAT: Record<Format, { path: string; type: string; accept: string }> = {
  package: { path: '/library/import', type: 'application/json', accept: '.json,application/json' },
  oscal: { path: '/library/import/oscal', type: 'application/json', accept: '.json,application/json' },
  cisoAssistant: { path: '/library/import/ciso-assistant', type: 'application/yaml', accept: '.yaml,.yml,application/yaml,text/yaml' },
  xlsx: { path: '/library/import/xlsx', type: XLSX_TYPE, accept: `.xlsx,${XLSX_TYPE}` },
};

interface PackageRef {
  id: string;
  kind: 'framework' | 'mapping' | string;
  version: string;
  counts?: Record<string, number | undefined>;
  action?: string | null;
}

interface LibraryImportResult {
  mode: 'preview' | 'import';
  valid: boolean;
  package?: PackageRef | null;
  packages?: PackageRef[];
  counts?: Record<string, number | undefined>;
  action?: string | null;
  warnings?: unknown[];
}

/** The packages an answer describes: the single `package` (with top-level counts) or a `packages` list. */
function packagesOf(result: LibraryImportResult): PackageRef[] {
  if (Array.isArray(result.packages)) return result.packages;
  return result.package ? [{ ...result.package, counts: result.counts, action: result.action }] : [];
}

/** /admin/library-import — installation administrators import frameworks and mapping sets: preview, then import. */
export function LibraryImportPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const title = t('libraryImport.title');
  usePageTitle(title);
  if (!me.user.isInstallationAdmin) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: '/admin', label: t('admin.title') }]} />
      <Heading1>{title}</Heading1>
      <Paragraph>{t('libraryImport.intro')}</Paragraph>
      <LibraryImport />
    </>
  );
}

function LibraryImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const frameworks = useFrameworks();
  const [format, setFormat] = useState<Format>('package');
  const [oscalId, setOscalId] = useState('');
  const [oscalCatalog, setOscalCatalog] = useState('');
  const importer = useFileImport<LibraryImportResult>({
    send: (mode, body) => {
      const params = new URLSearchParams({ mode });
      if (format === 'oscal' && oscalId.trim()) params.set('id', oscalId.trim());
      if (format === 'oscal' && oscalCatalog) params.set('catalog', oscalCatalog);
      return postFile<LibraryImportResult>(`${FORMAT[format].path}?${params.toString()}`, body, FORMAT[format].type);
    },
    fileRequired: t('libraryImport.fileRequired'),
    clearFile: (result) => result.valid,
    onImported: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: frameworksKey }),
        queryClient.invalidateQueries({ queryKey: mappingSetsKey }),
      ]),
    resetOnChoose: true,
  });

  return (
    <section aria-labelledby="library-import-heading" className="wb-section">
      <Heading2 id="library-import-heading">{t('libraryImport.formTitle')}</Heading2>
      <FileImport
        importer={importer}
        id="library"
        fileLabel={t('libraryImport.file')}
        fileDescription={t(`libraryImport.hints.${format}`)}
        accept={FORMAT[format].accept}
        previewLabel={t('libraryImport.preview')}
        fields={
          <>
            <Fieldset>
              <FieldsetLegend>{t('libraryImport.format')}</FieldsetLegend>
              {FORMATS.map((value) => (
                <FormField
                  key={value}
                  type="radio"
                  label={
                    <FormLabel htmlFor={`library-format-${value}`} type="radio" checked={format === value}>
                      {t(`libraryImport.formats.${value}`)}
                    </FormLabel>
                  }
                  input={
                    <RadioButton
                      id={`library-format-${value}`}
                      name="library-format"
                      value={value}
                      checked={format === value}
                      onChange={() => {
                        setFormat(value);
                        importer.reset();
                      }}
                    />
                  }
                />
              ))}
            </Fieldset>
            {format === 'oscal' ? (
              <>
                <TextField
                  id="library-oscal-id"
                  label={t('libraryImport.oscalId')}
                  description={t('libraryImport.oscalIdHint')}
                  value={oscalId}
                  onChange={(value) => {
                    setOscalId(value);
                    importer.reset();
                  }}
                  maxLength={120}
                  autoComplete="off"
                />
                <SelectField
                  id="library-oscal-catalog"
                  label={t('libraryImport.oscalCatalog')}
                  description={t('libraryImport.oscalCatalogHint')}
                  value={oscalCatalog}
                  options={[
                    { value: '', label: t('libraryImport.oscalNoCatalog') },
                    ...(frameworks.data ?? []).map((framework) => ({ value: framework.id, label: `${framework.name} (${framework.id})` })),
                  ]}
                  onChange={(value) => {
                    setOscalCatalog(value);
                    importer.reset();
                  }}
                />
              </>
            ) : null}
            {format === 'xlsx' ? (
              <Paragraph>
                <a className="utrecht-link utrecht-link--html-a" href={apiUrl('/library/import/template.xlsx')} download>
                  {t('libraryImport.template')}
                </a>
              </Paragraph>
            ) : null}
          </>
        }
        previewStatus={(preview) => (
          <>
            <Paragraph>{preview.valid ? t('libraryImport.previewValid') : t('libraryImport.previewInvalid')}</Paragraph>
            <PackageList packages={packagesOf(preview)} />
          </>
        )}
        previewDetails={(preview) => <ImportWarnings warnings={problemsOf({ problems: preview.warnings ?? [] })} />}
        canImport={(preview) => preview.valid}
        importLabel={() => t('libraryImport.import')}
        outcome={(done) =>
          done.valid ? (
            <SuccessAlert>
              {t('libraryImport.imported')}{' '}
              {packagesOf(done)
                .map((pkg) => `${pkg.id} ${pkg.version}${pkg.action ? ` (${t(`libraryImport.actions.${pkg.action}`, { defaultValue: pkg.action })})` : ''}`)
                .join(', ')}
            </SuccessAlert>
          ) : (
            <ImportProblemList problems={problemsOf(done)} id="library-done" />
          )
        }
      />
    </section>
  );
}

function PackageList({ packages }: { packages: PackageRef[] }) {
  const { t } = useTranslation();
  if (packages.length === 0) return null;
  return (
    <ul className="wb-plain-list">
      {packages.map((pkg) => (
        <li key={`${pkg.kind}|${pkg.id}`}>
          <strong>{t(`libraryImport.kinds.${pkg.kind}`, { defaultValue: pkg.kind })}</strong> {pkg.id} ({t('libraryImport.version', { version: pkg.version })})
          {pkg.counts
            ? Object.entries(pkg.counts)
                .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
                .map(([key, value]) => ` · ${t(`libraryImport.counts.${key}`, { count: value, defaultValue: `${key}: ${value}` })}`)
                .join('')
            : ''}
        </li>
      ))}
    </ul>
  );
}
