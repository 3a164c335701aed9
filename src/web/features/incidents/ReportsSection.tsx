import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { fetchReport, REPORT_KINDS, reportKey, reportPdfUrl, saveReportDraft, sendReport } from './api';
import type { Incident, Report, ReportChannel, ReportKind } from './api';
import { localDeadline, reportKindName, useIncidentLabels } from './labels';
import { RadioGroup, useIncidentMutation } from './shared';
import { isoToLocalInput, isValidLocalInput, localInputToIso, nowLocalInput } from './time';

/** The report kinds that apply: those with a deadline now, and any already sent. */
export function applicableKinds(incident: Incident): ReportKind[] {
  const kinds = new Set<string>([...incident.deadlines.map((d) => d.id), ...incident.reports.filter((r) => r.sentAt).map((r) => r.kind)]);
  return REPORT_KINDS.filter((kind) => kinds.has(kind));
}

/** "Meldingen": per applicable report kind, open it, edit its fields, save a draft and send it. */
export function ReportsSection({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  const kinds = applicableKinds(incident);
  return (
    <section aria-labelledby="incident-reports-heading" className="wb-section">
      <Heading2 id="incident-reports-heading">{t('incidents.reports.title')}</Heading2>
      {kinds.length === 0 ? <Paragraph>{t('incidents.reports.none')}</Paragraph> : <Paragraph>{t('incidents.reports.intro')}</Paragraph>}
      {kinds.map((kind) => (
        <ReportItem key={kind} slug={slug} incident={incident} kind={kind} canManage={canManage} />
      ))}
    </section>
  );
}

function ReportItem({ slug, incident, kind, canManage }: { slug: string; incident: Incident; kind: ReportKind; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useIncidentLabels();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'sent' | null>(null);
  const summary = incident.reports.find((r) => r.kind === kind);
  const deadline = incident.deadlines.find((d) => d.id === kind);
  const name = deadline ? localDeadline(deadline, i18n.language).name : t(`incidents.reports.kinds.${kind}`);
  const report = useQuery({ queryKey: reportKey(slug, incident.id, kind), queryFn: ({ signal }) => fetchReport(slug, incident.id, kind, signal), enabled: open });
  const headingId = `report-${kind}-heading`;
  const regionId = `report-${kind}-content`;
  return (
    <section aria-labelledby={headingId} className="wb-incident-report">
      <Heading3 id={headingId}>{name}</Heading3>
      {summary?.sentAt ? (
        <SentFacts sentAt={summary.sentAt} sentBy={summary.sentBy} channel={summary.channel} hash={summary.contentHash} />
      ) : (
        <Paragraph>{deadline ? t('incidents.reports.notSentDue', { due: labels.moment(deadline.due) }) : t('incidents.reports.notSent')}</Paragraph>
      )}
      {notice === 'sent' ? <SuccessAlert>{t('incidents.reports.sentNotice', { name })}</SuccessAlert> : null}
      {notice === 'saved' ? <SuccessAlert>{t('incidents.reports.savedNotice')}</SuccessAlert> : null}
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" aria-expanded={open} aria-controls={open ? regionId : undefined} onClick={() => setOpen(!open)}>
          {open ? t('incidents.reports.close') : t('incidents.reports.open')}
          <span className="wb-visually-hidden"> {name}</span>
        </Button>
      </ButtonGroup>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={reportPdfUrl(slug, incident.id, kind)} download>
          {summary?.sentAt ? t('incidents.reports.pdfSent') : t('incidents.reports.pdfDraft')}
          <span className="wb-visually-hidden"> {name}</span>
        </a>
      </Paragraph>
      {open ? (
        <div id={regionId}>
          {report.isPending ? <Loading /> : null}
          <ProblemAlert error={report.error} />
          {report.data ? (
            report.data.draft && canManage ? (
              <ReportEditor
                key={`${report.data.edited}|${JSON.stringify(report.data.content)}`}
                slug={slug}
                incident={incident}
                report={report.data}
                onNotice={setNotice}
              />
            ) : (
              <ReportView report={report.data} />
            )
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function SentFacts({ sentAt, sentBy, channel, hash }: { sentAt: string; sentBy: string | null; channel: ReportChannel | null; hash: string | null }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <FactList
      facts={[
        { label: t('incidents.reports.sentAt'), value: <time dateTime={sentAt}>{labels.moment(sentAt)}</time> },
        { label: t('incidents.reports.sentBy'), value: sentBy ?? t('common.unknown') },
        channel && { label: t('incidents.reports.channel'), value: labels.channel(channel) },
        Boolean(hash) && { label: t('incidents.reports.hash'), value: <code className="wb-incident-hash">{hash}</code> },
      ]}
    />
  );
}

/** A content key as a label: a translation when there is one, else the camelCase key in words. */
function useFieldLabel() {
  const { t } = useTranslation();
  const one = (key: string) => {
    const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return t(`incidents.reports.fields.${key}`, { defaultValue: words.charAt(0).toUpperCase() + words.slice(1) });
  };
  return (key: string) => (key.includes('.') ? key.split('.').map((part, i) => (i === 0 ? one(part) : one(part).toLocaleLowerCase())).join(': ') : one(key));
}

function displayValue(value: unknown, t: (key: string) => string, moment: (iso: string) => string): string {
  if (typeof value === 'string' && ISO_MOMENT.test(value)) return moment(value);
  if (value === null || value === undefined || value === '') return t('common.unknown');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : t('common.none');
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

export function ReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const label = useFieldLabel();
  const labels = useIncidentLabels();
  return (
    <FactList
      label={reportKindName(report.kind, i18n.language, report.name)}
      facts={flatten(report.content).map(([key, value]) => ({ label: label(key), value: displayValue(value, t, labels.moment), multiline: true }))}
    />
  );
}

/** How a content field is edited: by the type of its generated value (null: free text, empty = null). */
type FieldKind = 'text' | 'moment' | 'boolean' | 'number' | 'list' | 'json';

function kindOf(value: unknown): FieldKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'list';
  if (value !== null && typeof value === 'object') return 'json';
  if (typeof value === 'string' && ISO_MOMENT.test(value)) return 'moment';
  return 'text';
}

const BOOLEAN_KEYS = /^(suspected|possible|crossBorder|subjectsInformed|notifySubjects|unlawful|malicious)/;

const isFlatRecord = (value: unknown): value is Record<string, string | null> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value as object).every((v) => v === null || typeof v === 'string');

/** The order in which a report's fields are shown (the database may return them in another order); others follow alphabetically. */
const FIELD_ORDER = [
  'organisation', 'incidentRef', 'incidentTitle', 'awareAt', 'startedAt', 'handledAt', 'status', 'contact', 'category', 'severity', 'description', 'detailedDescription',
  'impact', 'threatType', 'suspectedUnlawfulOrMalicious', 'crossBorderImpact', 'indicatorsOfCompromise', 'affectedProcesses', 'affectedAssets', 'affectedSuppliers',
  'affectedJointArrangements', 'natureOfBreach', 'dataCategories', 'subjectsApprox', 'recordsApprox', 'likelyConsequences', 'measuresTaken', 'subjectsInformed',
  'subjectsInformedReason',
];
const rank = (key: string) => {
  const index = FIELD_ORDER.indexOf(key.split('.')[0]);
  return index === -1 ? FIELD_ORDER.length : index;
};

/** An ISO 8601 instant as the server writes moments into a report. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The content's fields; an object of texts (e.g. contact: name, email) becomes one field per text ("contact.name"). */
function flatten(content: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(content)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .flatMap(([key, value]): Array<[string, unknown]> =>
      isFlatRecord(value) && Object.keys(value).length > 0 ? Object.entries(value).map(([inner, v]): [string, unknown] => [`${key}.${inner}`, v]) : [[key, value]],
    );
}

function toText(value: unknown, kind: FieldKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'boolean') return value ? 'true' : 'false';
  if (kind === 'moment') return isoToLocalInput(value as string);
  if (kind === 'list') return (value as string[]).join('\n');
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

/** The edited text back to a value; an unchanged moment keeps its original value (so the content stays byte-identical). */
function fromText(text: string, kind: FieldKind, original: unknown, originalText: string): unknown {
  if (kind === 'moment') return text === originalText ? original : text ? localInputToIso(text) : null;
  if (kind === 'boolean') return text === '' ? null : text === 'true';
  if (kind === 'number') return text.trim() === '' ? null : Number(text);
  if (kind === 'list')
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  if (kind === 'json') return text.trim() ? JSON.parse(text) : null;
  return text === '' ? null : text;
}

function ReportEditor({ slug, incident, report, onNotice }: { slug: string; incident: Incident; report: Report; onNotice: (notice: 'saved' | 'sent' | null) => void }) {
  const { t, i18n } = useTranslation();
  const reportName = reportKindName(report.kind, i18n.language, report.name);
  const label = useFieldLabel();
  const entries = flatten(report.content);
  const kinds: Record<string, FieldKind> = Object.fromEntries(
    entries.map(([key, value]) => [key, value === null && BOOLEAN_KEYS.test(key.split('.').pop()!) ? 'boolean' : kindOf(value)]),
  );
  const initial = Object.fromEntries(entries.map(([key, value]) => [key, toText(value, kinds[key])]));
  const originals = Object.fromEntries(entries);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [channel, setChannel] = useState<ReportChannel>('csirt');
  const [sentAt, setSentAt] = useState(nowLocalInput());
  const [problem, setProblem] = useState<Record<string, string>>({});
  const dirty = entries.some(([key]) => values[key] !== initial[key]);
  const prefix = `report-${report.kind}`;

  const content = (): Record<string, unknown> | null => {
    const out: Record<string, unknown> = {};
    const put = (key: string, value: unknown) => {
      const [outer, inner] = key.split('.');
      if (inner === undefined) out[outer] = value;
      else out[outer] = { ...((out[outer] as Record<string, unknown>) ?? {}), [inner]: value };
    };
    const errors: Record<string, string> = {};
    for (const [key] of entries) {
      try {
        const value = fromText(values[key], kinds[key], originals[key], initial[key]);
        if (typeof value === 'number' && Number.isNaN(value)) errors[key] = t('incidents.reports.notANumber');
        if (kinds[key] === 'moment' && values[key] && !isValidLocalInput(values[key])) errors[key] = t('incidents.form.noSuchTime');
        put(key, value);
      } catch {
        errors[key] = t('incidents.reports.notJson');
      }
    }
    setProblem(errors);
    const first = Object.keys(errors)[0];
    if (first) document.getElementById(`${prefix}-${first}`)?.focus();
    return first ? null : out;
  };

  const save = useIncidentMutation(slug, incident.id, (body: Record<string, unknown>) => saveReportDraft(slug, incident.id, report.kind, body), () => onNotice('saved'));
  const send = useIncidentMutation(
    slug,
    incident.id,
    async (body: { content: Record<string, unknown> | null; channel: ReportChannel; sentAt?: string }) => {
      if (body.content) await saveReportDraft(slug, incident.id, report.kind, body.content);
      return sendReport(slug, incident.id, report.kind, { channel: body.channel, ...(body.sentAt ? { sentAt: body.sentAt } : {}) });
    },
    () => onNotice('sent'),
  );

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    const body = content();
    if (body) save.mutate(body);
  };
  const onSend = () => {
    onNotice(null);
    const body = content();
    if (!body) return;
    if (channel === 'extern') {
      if (!sentAt || !isValidLocalInput(sentAt)) {
        setProblem({ sentAt: t('incidents.form.noSuchTime') });
        document.getElementById(`${prefix}-sentAt`)?.focus();
        return;
      }
    }
    send.mutate({ content: dirty ? body : null, channel, ...(channel === 'extern' ? { sentAt: localInputToIso(sentAt) } : {}) });
  };

  return (
    <form onSubmit={onSave} noValidate aria-label={t('incidents.reports.formLabel', { name: reportName })}>
      <Paragraph className="wb-muted">{report.edited ? t('incidents.reports.edited') : t('incidents.reports.generated')}</Paragraph>
      <ProblemAlert error={save.error ?? send.error} />
      {entries.map(([key]) => {
        const id = `${prefix}-${key}`;
        const kind = kinds[key];
        const set = (value: string) => setValues((current) => ({ ...current, [key]: value }));
        if (kind === 'boolean')
          return (
            <SelectField
              key={key}
              id={id}
              label={label(key)}
              value={values[key]}
              options={[
                { value: '', label: t('common.unknown') },
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
              onChange={set}
              error={problem[key]}
            />
          );
        if (kind === 'moment') return <TextField key={key} id={id} type="datetime-local" label={label(key)} value={values[key]} onChange={set} error={problem[key]} />;
        if (kind === 'number') return <TextField key={key} id={id} label={label(key)} inputMode="numeric" value={values[key]} onChange={set} error={problem[key]} />;
        const long = kind !== 'text' || values[key].length > 60 || values[key].includes('\n');
        return long ? (
          <TextareaField
            key={key}
            id={id}
            label={label(key)}
            description={kind === 'list' ? t('incidents.reports.onePerLine') : undefined}
            value={values[key]}
            onChange={set}
            rows={Math.min(12, Math.max(3, values[key].split('\n').length + 1))}
            error={problem[key]}
          />
        ) : (
          <TextField key={key} id={id} label={label(key)} value={values[key]} onChange={set} error={problem[key]} />
        );
      })}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={save.isPending} disabled={save.isPending || send.isPending}>
          {t('incidents.reports.saveDraft')}
        </Button>
      </ButtonGroup>
      <RadioGroup
        id={`${prefix}-channel`}
        legend={t('incidents.reports.channelLegend')}
        value={channel}
        options={[
          { value: 'csirt', label: t('incidents.reports.channels.csirt') },
          { value: 'extern', label: t('incidents.reports.channels.externChoice') },
        ]}
        onChange={(value) => setChannel(value as ReportChannel)}
      />
      {channel === 'extern' ? (
        <TextField id={`${prefix}-sentAt`} type="datetime-local" label={t('incidents.reports.sentAtExtern')} value={sentAt} onChange={setSentAt} required error={problem.sentAt} />
      ) : null}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" busy={send.isPending} disabled={save.isPending || send.isPending} onClick={onSend}>
          {t('incidents.reports.send')}
          <span className="wb-visually-hidden"> {reportName}</span>
        </Button>
      </ButtonGroup>
    </form>
  );
}
