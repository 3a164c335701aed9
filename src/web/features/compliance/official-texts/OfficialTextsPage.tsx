import { Button, ButtonGroup, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, seg } from '../../../app/api';
import { DataTable } from '../../../shared/DataTable';
import { Loading } from '../../../shared/Loading';
import { MoreButton } from '../../../shared/MoreButton';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { formatDateTime } from '../../../shared/format';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../../shared/organisation';
import { ComplianceSubpage } from '../ComplianceSubpage';
import { useFrameworks } from '../queries';
import { postFile, XLSX_TYPE } from '../evidence/transfer';
import '../evidence/evidence.css';
import { FileImport, useFileImport } from '../exports/FileImport';
import { ImportProblemList, problemsOf } from '../exports/ImportProblems';
import type { ImportProblem } from '../exports/ImportProblems';

/** Who may import or remove the official texts (as the server's policy declares it). */
export const OFFICIAL_TEXTS_MANAGE = 'requirementTexts.manage';

interface RequirementText {
  requirementId: string;
  ref: string;
  text: string;
  source: string;
  importedAt: string;
}

interface TextsImportResult {
  mode: 'preview' | 'import';
  valid: boolean;
  framework?: string;
  layout?: { sheet: string; idColumn: string; textColumn: string; headerRow: number } | null;
  counts?: Record<string, number | undefined>;
  unmatched?: Array<{ path: string; ref: string }>;
  missing?: string[];
  action?: string | null;
}

const LISTED = 20;

/** Where the texts were found, and the numbers that were skipped or are missing. */
function PreviewDetails({ result }: { result: TextsImportResult }) {
  const { t } = useTranslation();
  const unmatched = result.unmatched ?? [];
  const missing = result.missing ?? [];
  return (
    <>
      {result.layout ? <Paragraph>{t('evidence.officialTexts.layout', result.layout)}</Paragraph> : null}
      {unmatched.length > 0 ? (
        <Paragraph>
          {t('evidence.officialTexts.unmatched', { count: unmatched.length })}{' '}
          {unmatched
            .slice(0, LISTED)
            .map((item) => `${item.ref} (${item.path})`)
            .join(', ')}
          {unmatched.length > LISTED ? ' …' : ''}
        </Paragraph>
      ) : null}
      {missing.length > 0 ? (
        <Paragraph>
          {t('evidence.officialTexts.missing', { count: missing.length })} {missing.slice(0, LISTED).join(', ')}
          {missing.length > LISTED ? ' …' : ''}
        </Paragraph>
      ) : null}
    </>
  );
}

const base = (slug: string) => `/organisations/${seg(slug)}/requirement-texts`;
const textsKey = (slug: string, framework: string) => ['organisation', slug, 'requirement-texts', framework] as const;
const SHOWN_STEP = 50;

/**
 * /o/:org/compliance/official-texts — an organisation that has the official BIO2 spreadsheet imports
 * its measure texts here; they are kept for this organisation only (licence) and shown beside our
 * own short titles.
 */
export function OfficialTextsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <ComplianceSubpage title={t('evidence.officialTexts.title')} intro={t('evidence.officialTexts.intro')} allowed={can(organisation, PERMISSIONS.readMeasures)}>
      <OfficialTexts key={organisation.slug} slug={organisation.slug} />
    </ComplianceSubpage>
  );
}

function OfficialTexts({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const frameworks = useFrameworks();
  const [chosen, setChosen] = useState<string | null>(null);
  const options = (frameworks.data ?? []).map((framework) => ({ value: framework.id, label: framework.name }));
  const framework = chosen ?? options.find((option) => /bio/i.test(option.value) || /bio/i.test(option.label))?.value ?? options[0]?.value ?? '';
  if (frameworks.isPending) return <Loading />;
  return (
    <>
      <ProblemAlert error={frameworks.error} />
      {options.length > 0 ? (
        <SelectField id="official-framework" label={t('evidence.officialTexts.framework')} value={framework} options={options} onChange={setChosen} />
      ) : null}
      {framework ? (
        <>
          {can(organisation, OFFICIAL_TEXTS_MANAGE) ? <TextsImport key={`import-${framework}`} slug={slug} framework={framework} /> : null}
          <CurrentTexts key={`texts-${framework}`} slug={slug} framework={framework} />
        </>
      ) : null}
    </>
  );
}

function TextsImport({ slug, framework }: { slug: string; framework: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const importer = useFileImport<TextsImportResult>({
    send: (mode, body) => postFile<TextsImportResult>(`${base(slug)}/import?framework=${encodeURIComponent(framework)}&mode=${mode}`, body, XLSX_TYPE),
    fileRequired: t('evidence.import.fileRequired'),
    clearFile: (result) => result.valid !== false,
    onImported: () => queryClient.invalidateQueries({ queryKey: ['organisation', slug, 'requirement-texts'] }),
  });
  const valid = (preview: TextsImportResult, problems: ImportProblem[]) => preview.valid !== false && problems.length === 0;
  return (
    <section aria-labelledby="official-import-heading" className="wb-section">
      <Heading2 id="official-import-heading">{t('evidence.officialTexts.importTitle')}</Heading2>
      <Paragraph>{t('evidence.officialTexts.importIntro')}</Paragraph>
      <FileImport
        importer={importer}
        id="official"
        fileLabel={t('evidence.officialTexts.file')}
        accept={`.xlsx,${XLSX_TYPE}`}
        previewLabel={t('evidence.import.preview')}
        previewStatus={(preview, problems) => (
          <>
            <Paragraph>{valid(preview, problems) ? t('evidence.officialTexts.previewValid') : t('evidence.officialTexts.previewInvalid')}</Paragraph>
            <Counts counts={preview.counts} />
            <PreviewDetails result={preview} />
          </>
        )}
        canImport={valid}
        importLabel={() => t('evidence.officialTexts.import')}
        outcome={(done) =>
          done.valid === false ? (
            <ImportProblemList problems={problemsOf(done)} id="official-done" />
          ) : (
            <SuccessAlert>
              {t('evidence.officialTexts.imported')} <Counts counts={done.counts} inline />
            </SuccessAlert>
          )
        }
      />
    </section>
  );
}

function Counts({ counts, inline = false }: { counts: Record<string, number | undefined> | undefined; inline?: boolean }) {
  const { t } = useTranslation();
  // zero counts say nothing, except that there are no texts at all
  const entries = Object.entries(counts ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && (entry[1] > 0 || entry[0] === 'texts'));
  if (entries.length === 0) return null;
  const text = entries.map(([key, value]) => t(`evidence.officialTexts.counts.${key}`, { count: value, defaultValue: `${key}: ${value}` })).join(', ');
  return inline ? <>{text}</> : <Paragraph>{text}</Paragraph>;
}

function CurrentTexts({ slug, framework }: { slug: string; framework: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(SHOWN_STEP);
  const texts = useQuery({
    queryKey: textsKey(slug, framework),
    queryFn: ({ signal }) => get<{ items: RequirementText[] }>(`${base(slug)}?framework=${encodeURIComponent(framework)}`, signal).then((data) => data.items),
  });
  const remove = useMutation({
    mutationFn: () => del(`${base(slug)}?framework=${encodeURIComponent(framework)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation', slug, 'requirement-texts'] }),
  });
  const onRemove = () => {
    if (!window.confirm(t('evidence.officialTexts.confirmRemove'))) return;
    remove.mutate();
  };
  const needle = filter.trim().toLocaleLowerCase();
  const matching = (texts.data ?? []).filter((item) => !needle || item.ref.toLocaleLowerCase().includes(needle) || item.text.toLocaleLowerCase().includes(needle));
  return (
    <section aria-labelledby="official-current-heading" className="wb-section">
      <Heading2 id="official-current-heading">{t('evidence.officialTexts.currentTitle')}</Heading2>
      {texts.isPending ? <Loading /> : null}
      <ProblemAlert error={texts.error} />
      {texts.data && texts.data.length === 0 ? <Paragraph>{t('evidence.officialTexts.none')}</Paragraph> : null}
      {texts.data && texts.data.length > 0 ? (
        <>
          <Paragraph>{t('evidence.officialTexts.count', { count: texts.data.length, date: formatDateTime(texts.data[0].importedAt) })}</Paragraph>
          {can(organisation, OFFICIAL_TEXTS_MANAGE) ? (
            <>
              <ProblemAlert error={remove.error} />
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" hint="danger" busy={remove.isPending} disabled={remove.isPending} onClick={onRemove}>
                  {t('evidence.officialTexts.remove')}
                </Button>
              </ButtonGroup>
            </>
          ) : null}
          <TextField id="official-filter" label={t('evidence.officialTexts.filter')} type="search" value={filter} onChange={(value) => { setFilter(value); setShown(SHOWN_STEP); }} autoComplete="off" />
          <Paragraph role="status">{t('evidence.officialTexts.shown', { shown: Math.min(shown, matching.length), total: matching.length })}</Paragraph>
          <DataTable
            label={t('evidence.officialTexts.currentTitle')}
            columns={[t('evidence.officialTexts.ref'), t('evidence.officialTexts.text'), t('evidence.officialTexts.source')]}
          >
            {matching.slice(0, shown).map((item) => (
              <TableRow key={item.requirementId}>
                <TableHeaderCell scope="row" className="wb-nowrap">
                  {item.ref}
                </TableHeaderCell>
                <TableCell>{item.text}</TableCell>
                <TableCell>{item.source}</TableCell>
              </TableRow>
            ))}
          </DataTable>
          {matching.length > shown ? (
            <MoreButton onClick={() => setShown((current) => current + SHOWN_STEP)}>{t('evidence.officialTexts.showMore')}</MoreButton>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
