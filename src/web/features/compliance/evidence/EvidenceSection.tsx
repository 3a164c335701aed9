import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../shared/AppLink';
import { FieldFrame } from '../../../shared/FieldFrame';
import { Loading } from '../../../shared/Loading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SubmitButtons } from '../../../shared/SubmitButtons';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { TextareaField } from '../../../shared/TextareaField';
import { fieldErrors } from '../../../shared/problem';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { useFormErrors } from '../../../shared/useFormErrors';
import {
  createLinkEvidence,
  fetchEvidence,
  fetchTargetEvidence,
  linkEvidence,
  targetEvidenceKey,
  evidenceSearchKey,
  unlinkEvidence,
  uploadEvidence,
} from './api';
import type { Evidence, EvidenceTarget } from './api';
import { EvidenceFacts, ValidityFields, ValidityForm, validityErrors } from './EvidenceParts';
import { EVIDENCE_PERMISSIONS, useInvalidateEvidence } from './shared';
import { formatBytes } from './transfer';
import type { UploadProgress } from './transfer';

export interface EvidenceSectionProps {
  target: { measureId: string } | { year: number; requirementId: string };
  /** Only list the evidence (e.g. a signed year, or a role that may not change it). */
  readOnly?: boolean;
  /** The section's heading level: 2 on a page of its own, deeper inside another section. */
  headingLevel?: 2 | 3 | 4;
}

/**
 * The evidence of one measure or one requirement's assessment: the list (file with size, hash and
 * download, or link; validity and its status), and — with evidence.manage — upload with a progress
 * bar, add a link, link existing evidence, change the validity and unlink.
 */
export function EvidenceSection({ target, readOnly = false, headingLevel = 2 }: EvidenceSectionProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const prefix = `evidence-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const canManage = !readOnly && can(organisation, EVIDENCE_PERMISSIONS.manage);
  const items = useQuery({
    queryKey: targetEvidenceKey(slug, target),
    queryFn: ({ signal }) => fetchTargetEvidence(slug, target, signal),
    enabled: can(organisation, EVIDENCE_PERMISSIONS.read),
  });
  const [notice, setNotice] = useState('');

  if (!can(organisation, EVIDENCE_PERMISSIONS.read)) return null;
  const linkedIds = new Set((items.data ?? []).map((item) => item.id));
  return (
    <section aria-labelledby={`${prefix}-heading`} className="wb-section wb-evidence">
      <Heading level={headingLevel} id={`${prefix}-heading`}>
        {t('evidence.section.title')}
      </Heading>
      <Paragraph>{t('evidence.section.intro')}</Paragraph>
      {items.isPending ? <Loading /> : null}
      <ProblemAlert error={items.error} />
      {items.data && items.data.length === 0 ? <Paragraph>{t('evidence.section.none')}</Paragraph> : null}
      {items.data && items.data.length > 0 ? (
        <ul className="wb-evidence__list" aria-label={t('evidence.section.listLabel', { count: items.data.length })}>
          {items.data.map((evidence) => (
            <EvidenceItem key={evidence.id} evidence={evidence} target={target} canManage={canManage} prefix={prefix} onNotice={setNotice} />
          ))}
        </ul>
      ) : null}
      <p role="status" className="wb-visually-hidden">
        {notice}
      </p>
      {canManage ? (
        <>
          <UploadForm target={target} prefix={prefix} onNotice={setNotice} />
          <LinkForm target={target} prefix={prefix} onNotice={setNotice} />
          <LinkExisting target={target} prefix={prefix} linkedIds={linkedIds} onNotice={setNotice} />
        </>
      ) : null}
    </section>
  );
}

interface ItemProps {
  evidence: Evidence;
  target: EvidenceTarget;
  canManage: boolean;
  prefix: string;
  onNotice: (text: string) => void;
}

function EvidenceItem({ evidence, target, canManage, prefix, onNotice }: ItemProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const invalidate = useInvalidateEvidence(organisation.slug);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const unlink = useMutation({
    mutationFn: () => unlinkEvidence(organisation.slug, target, evidence.id),
    onSuccess: async () => {
      onNotice(t('evidence.section.unlinked', { title: evidence.title }));
      await invalidate();
    },
  });
  const itemId = `${prefix}-item-${evidence.id}`;
  const closeEditor = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <li className="wb-evidence__item">
      <Paragraph className="wb-evidence__title" id={`${itemId}-title`}>
        {evidence.title} <span className="wb-evidence__kind">({t(`evidence.kinds.${evidence.kind}`).toLocaleLowerCase()})</span>
      </Paragraph>
      <EvidenceFacts evidence={evidence} />
      {canManage ? (
        <>
          <ProblemAlert error={unlink.error} />
          {editing ? (
            <ValidityForm
              evidence={evidence}
              idPrefix={`${itemId}-validity`}
              onDone={(saved) => {
                if (saved) onNotice(t('evidence.validity.saved', { title: evidence.title }));
                closeEditor();
              }}
            />
          ) : (
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" ref={editButton} onClick={() => setEditing(true)}>
                {t('evidence.validity.edit')}
                <span className="wb-visually-hidden"> {t('evidence.section.ofItem', { title: evidence.title })}</span>
              </Button>
              <Button
                type="button"
                appearance="secondary-action-button"
                busy={unlink.isPending}
                disabled={unlink.isPending}
                onClick={() => unlink.mutate()}
              >
                {t('evidence.section.unlink')}
                <span className="wb-visually-hidden"> {t('evidence.section.ofItem', { title: evidence.title })}</span>
              </Button>
            </ButtonGroup>
          )}
        </>
      ) : null}
    </li>
  );
}

interface FormProps {
  target: EvidenceTarget;
  prefix: string;
  onNotice: (text: string) => void;
}

interface UploadState {
  fileName: string;
  progress: UploadProgress | null;
  done: boolean;
}

function UploadForm({ target, prefix, onNotice }: FormProps) {
  const { t, i18n } = useTranslation();
  const organisation = useCurrentOrganisation();
  const invalidate = useInvalidateEvidence(organisation.slug);
  const id = `${prefix}-upload`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const { errors, check } = useFormErrors(id);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [uploaded, setUploaded] = useState<Evidence | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: (input: { file: File; title: string; description: string; validFrom: string; validUntil: string }) => {
      abort.current = new AbortController();
      return uploadEvidence(
        organisation.slug,
        target,
        {
          file: input.file,
          title: input.title || undefined,
          description: input.description || undefined,
          validFrom: input.validFrom || null,
          validUntil: input.validUntil || null,
        },
        (progress) => setUpload((current) => (current ? { ...current, progress } : current)),
        abort.current.signal,
      );
    },
    onMutate: (input) => {
      setUploaded(null);
      setUpload({ fileName: input.file.name, progress: { loaded: 0, total: input.file.size, percent: 0 }, done: false });
    },
    onSuccess: async (evidence) => {
      setUpload((current) => (current ? { ...current, done: true, progress: { loaded: evidence.sizeBytes ?? 0, total: evidence.sizeBytes ?? 0, percent: 100 } } : current));
      setUploaded(evidence);
      onNotice(t('evidence.upload.done', { title: evidence.title }));
      setFile(null);
      setTitle('');
      setDescription('');
      setValidFrom('');
      setValidUntil('');
      if (fileInput.current) fileInput.current.value = '';
      await invalidate();
    },
    onError: () => setUpload(null),
  });
  const server = fieldErrors(mutation.error);
  const cancelled = mutation.error instanceof DOMException && mutation.error.name === 'AbortError';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({ file: file ? null : t('evidence.upload.fileRequired'), ...validityErrors(validFrom, validUntil, t) });
    if (!valid || !file) return;
    mutation.mutate({ file, title: title.trim(), description: description.trim(), validFrom, validUntil });
  };

  const percent = upload?.progress?.percent ?? 0;
  return (
    <details className="wb-disclosure">
      <summary>{t('evidence.upload.title')}</summary>
      <div className="wb-disclosure__body">
        <form onSubmit={submit} noValidate aria-label={t('evidence.upload.title')}>
          <FieldFrame id={`${id}-file`} label={t('evidence.upload.file')} description={t('evidence.upload.fileHint')} error={errors.file}>
            {(describedBy) => (
              <input
                ref={fileInput}
                id={`${id}-file`}
                type="file"
                className="wb-file-input"
                aria-describedby={describedBy}
                aria-invalid={errors.file ? true : undefined}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            )}
          </FieldFrame>
          <TextField
            id={`${id}-title`}
            label={t('evidence.fields.title')}
            description={t('evidence.upload.titleHint')}
            value={title}
            onChange={setTitle}
            maxLength={300}
            error={server.title}
          />
          <TextareaField id={`${id}-description`} label={t('evidence.fields.description')} value={description} onChange={setDescription} rows={3} error={server.description} />
          <ValidityFields
            idPrefix={id}
            validFrom={validFrom}
            validUntil={validUntil}
            onValidFrom={setValidFrom}
            onValidUntil={setValidUntil}
            errors={{ validFrom: errors.validFrom ?? server.validFrom, validUntil: errors.validUntil ?? server.validUntil }}
          />
          {upload ? (
            <div className="wb-upload-progress">
              <label htmlFor={`${id}-progress`}>{t('evidence.upload.progressLabel', { name: upload.fileName })}</label>
              <progress id={`${id}-progress`} max={100} value={percent}>
                {percent} %
              </progress>
              <span className="wb-upload-progress__value" aria-hidden="true">
                {percent} %
              </span>
              {upload.progress && upload.progress.total > 0 ? (
                <span className="wb-muted">
                  {t('evidence.upload.bytes', {
                    loaded: formatBytes(upload.progress.loaded, i18n.language),
                    total: formatBytes(upload.progress.total, i18n.language),
                  })}
                </span>
              ) : null}
            </div>
          ) : null}
          {cancelled ? <Paragraph>{t('evidence.upload.cancelled')}</Paragraph> : <ProblemAlert error={mutation.error} />}
          {uploaded ? <SuccessAlert>{t('evidence.upload.done', { title: uploaded.title })}</SuccessAlert> : null}
          <SubmitButtons label={t('evidence.upload.submit')} pending={mutation.isPending}>
            {mutation.isPending ? (
              <Button type="button" appearance="secondary-action-button" onClick={() => abort.current?.abort()}>
                {t('evidence.upload.cancel')}
              </Button>
            ) : null}
          </SubmitButtons>
        </form>
      </div>
    </details>
  );
}

function LinkForm({ target, prefix, onNotice }: FormProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const invalidate = useInvalidateEvidence(organisation.slug);
  const id = `${prefix}-link`;
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const { errors, check } = useFormErrors(id);
  const [added, setAdded] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      createLinkEvidence(organisation.slug, target, {
        title: title.trim(),
        url: url.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(validFrom ? { validFrom } : {}),
        ...(validUntil ? { validUntil } : {}),
      }),
    onMutate: () => setAdded(null),
    onSuccess: async (evidence) => {
      setAdded(evidence.title);
      onNotice(t('evidence.link.added', { title: evidence.title }));
      setTitle('');
      setUrl('');
      setDescription('');
      setValidFrom('');
      setValidUntil('');
      await invalidate();
    },
  });
  const server = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      title: title.trim() ? null : t('errors.required'),
      url: !url.trim() ? t('errors.required') : /^https?:\/\/\S+$/i.test(url.trim()) ? null : t('evidence.link.urlInvalid'),
      ...validityErrors(validFrom, validUntil, t),
    });
    if (!valid) return;
    mutation.mutate();
  };

  return (
    <details className="wb-disclosure">
      <summary>{t('evidence.link.title')}</summary>
      <div className="wb-disclosure__body">
        <form onSubmit={submit} noValidate aria-label={t('evidence.link.title')}>
          <TextField id={`${id}-title`} label={t('evidence.fields.title')} value={title} onChange={setTitle} maxLength={300} error={errors.title ?? server.title} />
          <TextField
            id={`${id}-url`}
            label={t('evidence.fields.url')}
            description={t('evidence.link.urlHint')}
            type="url"
            inputMode="url"
            value={url}
            onChange={setUrl}
            maxLength={2000}
            error={errors.url ?? server.url}
          />
          <TextareaField id={`${id}-description`} label={t('evidence.fields.description')} value={description} onChange={setDescription} rows={3} error={server.description} />
          <ValidityFields
            idPrefix={id}
            validFrom={validFrom}
            validUntil={validUntil}
            onValidFrom={setValidFrom}
            onValidUntil={setValidUntil}
            errors={{ validFrom: errors.validFrom ?? server.validFrom, validUntil: errors.validUntil ?? server.validUntil }}
          />
          <ProblemAlert error={mutation.error} />
          {added ? <SuccessAlert>{t('evidence.link.added', { title: added })}</SuccessAlert> : null}
          <SubmitButtons label={t('evidence.link.submit')} pending={mutation.isPending} />
        </form>
      </div>
    </details>
  );
}

const SEARCH_LIMIT = 10;

function LinkExisting({ target, prefix, linkedIds, onNotice }: FormProps & { linkedIds: Set<string> }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const invalidate = useInvalidateEvidence(organisation.slug);
  const id = `${prefix}-existing`;
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const results = useQuery({
    queryKey: evidenceSearchKey(organisation.slug, query ?? ''),
    queryFn: ({ signal }) => fetchEvidence(organisation.slug, { q: query ?? '', status: '' }, null, SEARCH_LIMIT, signal),
    enabled: query !== null,
  });
  const link = useMutation({
    mutationFn: (evidence: Evidence) => linkEvidence(organisation.slug, target, evidence.id),
    onSuccess: async (_, evidence) => {
      onNotice(t('evidence.existing.linked', { title: evidence.title }));
      await invalidate();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };
  const items = results.data?.items ?? [];
  return (
    <details className="wb-disclosure">
      <summary>{t('evidence.existing.title')}</summary>
      <div className="wb-disclosure__body">
        <form role="search" aria-label={t('evidence.existing.title')} onSubmit={submit} className="wb-inline-form">
          <TextField id={`${id}-q`} label={t('evidence.existing.search')} type="search" value={text} onChange={setText} autoComplete="off" maxLength={100} />
          <Button type="submit" appearance="secondary-action-button">
            {t('evidence.existing.submit')}
          </Button>
        </form>
        {results.isFetching ? <Loading /> : null}
        <ProblemAlert error={results.error} />
        <ProblemAlert error={link.error} />
        {results.data ? (
          <Paragraph role="status">
            {items.length === 0 ? t('evidence.existing.none') : t('evidence.existing.found', { count: items.length })}
          </Paragraph>
        ) : null}
        {items.length > 0 ? (
          <ul className="wb-picker__results" aria-label={t('evidence.existing.results')}>
            {items.map((evidence) => (
              <li key={evidence.id} className="wb-picker__result">
                {linkedIds.has(evidence.id) ? (
                  <span className="wb-muted">{t('evidence.existing.alreadyLinked')}</span>
                ) : (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    busy={link.isPending && link.variables?.id === evidence.id}
                    disabled={link.isPending}
                    onClick={() => link.mutate(evidence)}
                  >
                    {t('evidence.existing.link')}
                    <span className="wb-visually-hidden"> {evidence.title}</span>
                  </Button>
                )}
                <span>
                  {evidence.title} <span className="wb-muted">({t(`evidence.kinds.${evidence.kind}`)}{evidence.fileName ? `, ${evidence.fileName}` : ''})</span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {results.data?.nextCursor ? (
          <Paragraph>
            {t('evidence.existing.more', { max: SEARCH_LIMIT })}{' '}
            <AppLink to={`/o/${encodeURIComponent(organisation.slug)}/compliance/evidence`}>{t('evidence.nav.evidence')}</AppLink>
          </Paragraph>
        ) : null}
      </div>
    </details>
  );
}
