import { Button, Fieldset, FieldsetLegend, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { TextField } from '../../shared/TextField';
import { useCurrentOrganisation } from '../../shared/organisation';
import { fetchMeasures } from '../compliance/api';
import { fetchThreats, LINK_TYPES, risksKey, searchLinkCandidates, threatsKey } from './api';
import type { LinkType, RiskLink } from './api';
import type { MeasureChoice } from './formValues';
import { useRiskLabels } from './labels';

export interface ChosenItem {
  key: string;
  label: ReactNode;
  /** the plain name, for the remove button's accessible name */
  name: string;
}

/** The items chosen so far, each with a remove button; or a sentence that there are none. */
function ChosenList({ items, empty, onRemove, removeLabel }: { items: ChosenItem[]; empty: string; onRemove: (key: string) => void; removeLabel: (name: string) => ReactNode }) {
  if (items.length === 0) return <Paragraph className="wb-muted">{empty}</Paragraph>;
  return (
    <ul className="wb-plain-list wb-risk-chosen">
      {items.map((item) => (
        <li key={item.key} className="wb-risk-chosen__item">
          <span>{item.label}</span>
          <Button type="button" appearance="subtle-button" onClick={() => onRemove(item.key)}>
            {removeLabel(item.name)}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function RemoveText({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('common.remove')}
      <span className="wb-visually-hidden">: {name}</span>
    </>
  );
}

/** Enter in a search box inside another form searches instead of submitting that form. */
const searchOnEnter = (search: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    search();
  }
};

interface SearchAddText {
  search: string;
  submit: string;
  noResults: string;
  result: string;
  found: (count: number) => string;
  add: string;
}

/**
 * Search a list, pick one of the results and add it (one picker for links and for measures). `scope` is
 * frozen at the moment of searching (the link picker's kind), so changing it does not re-run the search.
 * Lives inside the risk form: Enter in the search box searches instead of submitting that form.
 */
function SearchAdd<C extends { id: string }>({
  idPrefix,
  name,
  scope = '',
  controls,
  text: labels,
  search: run,
  exclude,
  optionLabel,
  onAdd,
}: {
  idPrefix: string;
  /** part of the ids and the query key: link, measure */
  name: string;
  scope?: string;
  /** fields before the search box (the link picker's kind) */
  controls?: ReactNode;
  text: SearchAddText;
  search: (scope: string, q: string, signal: AbortSignal) => Promise<C[]>;
  exclude: (candidate: C) => boolean;
  optionLabel: (candidate: C) => string;
  /** adds the candidate as found under `scope`; returns the name to announce */
  onAdd: (candidate: C, scope: string) => string;
}) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ scope: string; q: string } | null>(null);
  const [picked, setPicked] = useState('');
  const [added, setAdded] = useState('');
  const results = useQuery({
    queryKey: [...risksKey(organisation.slug), `${name}-candidates`, query],
    queryFn: ({ signal }) => run(query!.scope, query!.q, signal),
    enabled: query !== null,
  });
  const candidates = (results.data ?? []).filter((candidate) => !exclude(candidate));
  const search = () => {
    setPicked('');
    setQuery({ scope, q: text.trim() });
  };
  const add = () => {
    const candidate = candidates.find((item) => item.id === (picked || candidates[0]?.id));
    if (!candidate || !query) return;
    setAdded(onAdd(candidate, query.scope));
    setPicked('');
    document.getElementById(`${idPrefix}-${name}-search`)?.focus();
  };
  return (
    <>
      <div className="wb-inline-form">
        {controls}
        <TextField id={`${idPrefix}-${name}-search`} label={labels.search} type="search" value={text} onChange={setText} onKeyDown={searchOnEnter(search)} autoComplete="off" maxLength={100} />
        <Button type="button" appearance="secondary-action-button" onClick={search} busy={results.isFetching} disabled={results.isFetching}>
          {labels.submit}
        </Button>
      </div>
      <Paragraph role="status" className="wb-visually-hidden">
        {added ? t('risks.links.added', { name: added }) : ''}
      </Paragraph>
      <ProblemAlert error={results.error} />
      {query && results.data ? (
        candidates.length === 0 ? (
          <Paragraph role="status">{labels.noResults}</Paragraph>
        ) : (
          <div className="wb-inline-form">
            <SelectField
              id={`${idPrefix}-${name}-result`}
              label={labels.result}
              description={labels.found(candidates.length)}
              value={picked || candidates[0].id}
              options={candidates.map((candidate) => ({ value: candidate.id, label: optionLabel(candidate) }))}
              onChange={setPicked}
            />
            <Button type="button" appearance="secondary-action-button" onClick={add}>
              {labels.add}
            </Button>
          </div>
        )
      ) : null}
    </>
  );
}

/** Links to assets, suppliers and joint arrangements: choose the kind, search its list, pick a result and add it. */
export function LinkPicker({ idPrefix, links, onChange, error }: { idPrefix: string; links: RiskLink[]; onChange: (links: RiskLink[]) => void; error?: string | null }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const [type, setType] = useState<LinkType>('asset');
  const errorId = error ? `${idPrefix}-links-error` : undefined;
  return (
    <Fieldset className="wb-risk-picker" aria-describedby={errorId} invalid={Boolean(error)}>
      <FieldsetLegend>{t('risks.links.legend')}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <ChosenList
        items={links.map((link) => ({
          key: `${link.type}|${link.id}`,
          name: link.name,
          label: (
            <>
              {link.name} <span className="wb-muted">({labels.linkType(link.type)}{link.kind ? `, ${link.kind}` : ''})</span>
            </>
          ),
        }))}
        empty={t('risks.links.none')}
        onRemove={(key) => onChange(links.filter((link) => `${link.type}|${link.id}` !== key))}
        removeLabel={(name) => <RemoveText name={name} />}
      />
      <SearchAdd
        idPrefix={idPrefix}
        name="link"
        scope={type}
        controls={
          <SelectField
            id={`${idPrefix}-link-type`}
            label={t('risks.links.type')}
            value={type}
            options={LINK_TYPES.map((value) => ({ value, label: labels.linkType(value) }))}
            onChange={(value) => setType(value as LinkType)}
          />
        }
        text={{
          search: t('risks.links.search'),
          submit: t('risks.links.searchSubmit'),
          noResults: t('risks.links.noResults'),
          result: t('risks.links.result'),
          found: (count) => t('risks.links.found', { count }),
          add: t('risks.links.add'),
        }}
        search={(scope, q, signal) => searchLinkCandidates(organisation.slug, scope as LinkType, q, signal)}
        exclude={(candidate) => links.some((link) => link.id === candidate.id)}
        optionLabel={(candidate) => (candidate.kind ? `${candidate.name} (${candidate.kind})` : candidate.name)}
        onAdd={(candidate, scope) => {
          onChange([...links, { type: scope as LinkType, id: candidate.id, name: candidate.name, kind: candidate.kind ?? null }]);
          return candidate.name;
        }}
      />
    </Fieldset>
  );
}

/** The measures (from compliance) that treat a risk: search by title, add, remove. */
export function MeasurePicker({ idPrefix, measures, onChange, error }: { idPrefix: string; measures: MeasureChoice[]; onChange: (measures: MeasureChoice[]) => void; error?: string | null }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const status = (value: string) => labels.measureStatus(value).toLocaleLowerCase();
  const errorId = error ? `${idPrefix}-measures-error` : undefined;
  return (
    <Fieldset className="wb-risk-picker" aria-describedby={errorId} invalid={Boolean(error)}>
      <FieldsetLegend>{t('risks.measures.legend')}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <ChosenList
        items={measures.map((measure) => ({
          key: measure.id,
          name: measure.title,
          label: (
            <>
              {measure.title} <span className="wb-muted">({status(measure.status)})</span>
            </>
          ),
        }))}
        empty={t('risks.measures.none')}
        onRemove={(id) => onChange(measures.filter((measure) => measure.id !== id))}
        removeLabel={(name) => <RemoveText name={name} />}
      />
      <SearchAdd
        idPrefix={idPrefix}
        name="measure"
        text={{
          search: t('risks.measures.search'),
          submit: t('risks.measures.searchSubmit'),
          noResults: t('risks.measures.noResults'),
          result: t('risks.measures.result'),
          found: (count) => t('risks.measures.found', { count }),
          add: t('risks.measures.add'),
        }}
        search={async (_scope, q, signal) => (await fetchMeasures(organisation.slug, { q, status: '' }, null, signal)).items}
        exclude={(measure) => measures.some((chosen) => chosen.id === measure.id)}
        optionLabel={(measure) => `${measure.title} (${status(measure.status)})`}
        onAdd={(measure) => {
          onChange([...measures, { id: measure.id, title: measure.title, status: measure.status }]);
          return measure.title;
        }}
      />
    </Fieldset>
  );
}

/** Threats from the catalog: pick one from the list (grouped by category) and add it. */
export function ThreatPicker({ idPrefix, threats, onChange }: { idPrefix: string; threats: Array<{ id: string; name: string }>; onChange: (threats: Array<{ id: string; name: string }>) => void }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const catalog = useQuery({ queryKey: threatsKey(organisation.slug), queryFn: ({ signal }) => fetchThreats(organisation.slug, signal), staleTime: 10 * 60_000 });
  const [picked, setPicked] = useState('');
  const available = (catalog.data ?? []).filter((threat) => !threats.some((chosen) => chosen.id === threat.id));
  const add = () => {
    const threat = available.find((item) => item.id === picked);
    if (!threat) return;
    onChange([...threats, { id: threat.id, name: threat.name }]);
    setPicked('');
  };
  return (
    <Fieldset className="wb-risk-picker">
      <FieldsetLegend>{t('risks.threats.legend')}</FieldsetLegend>
      <ChosenList
        items={threats.map((threat) => ({ key: threat.id, name: threat.name, label: threat.name }))}
        empty={t('risks.threats.none')}
        onRemove={(id) => onChange(threats.filter((threat) => threat.id !== id))}
        removeLabel={(name) => <RemoveText name={name} />}
      />
      <ProblemAlert error={catalog.error} />
      {available.length > 0 ? (
        <div className="wb-inline-form">
          <SelectField
            id={`${idPrefix}-threat`}
            label={t('risks.threats.choose')}
            value={picked}
            options={[{ value: '', label: t('common.choose') }, ...available.map((threat) => ({ value: threat.id, label: threat.category ? `${threat.category}: ${threat.name}` : threat.name }))]}
            onChange={setPicked}
          />
          <Button type="button" appearance="secondary-action-button" onClick={add} disabled={!picked}>
            {t('risks.threats.add')}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}
