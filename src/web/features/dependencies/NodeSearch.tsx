import { Button, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, RadioButton } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { TextField } from '../../shared/TextField';
import { nodeSearchKey, searchNodes } from './api';
import type { NodeChoice } from './api';
import { TypeIcon } from './graph/TypeIcon';
import { useDependencyLabels, visualOf } from './labels';

const choiceKey = (node: { type: string; id: string }) => `${node.type}:${node.id}`;

export interface NodeSearchProps {
  org: string;
  idPrefix: string;
  /** the fieldset's legend */
  legend: string;
  description?: string;
  value: NodeChoice | null;
  onChange: (node: NodeChoice | null) => void;
  /** ids that cannot be chosen (e.g. the node itself) */
  exclude?: string[];
  error?: string | null;
}

/**
 * Choose an asset, supplier or joint arrangement: type part of its name (the three list APIs are searched
 * with `q` as you type, or with the search button), then choose one of the results (radio buttons). Works
 * inside another form: Enter in the search field searches, it does not submit.
 */
export function NodeSearch({ org, idPrefix, legend, description, value, onChange, exclude = [], error }: NodeSearchProps) {
  const { t } = useTranslation();
  const labels = useDependencyLabels();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');

  // search as you type, a moment after the last key
  useEffect(() => {
    const next = text.trim();
    if (next.length < 2) return;
    const timer = window.setTimeout(() => setTerm(next), 350);
    return () => window.clearTimeout(timer);
  }, [text]);

  const search = useQuery({
    queryKey: nodeSearchKey(org, term),
    queryFn: ({ signal }) => searchNodes(org, term, signal),
    enabled: term.length > 0,
    staleTime: 30_000,
  });

  const searchNow = () => setTerm(text.trim());
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      searchNow();
    }
  };

  const excluded = new Set(exclude);
  const results = (search.data ?? []).filter((node) => !excluded.has(node.id));
  const options = value && !results.some((node) => choiceKey(node) === choiceKey(value)) ? [value, ...results] : results;
  const describe = (node: NodeChoice) => {
    const parts = [labels.nodeType(node)];
    if (node.detail) parts.push(t('dependencies.search.registration', { number: node.detail }));
    return parts.join(', ');
  };
  const errorId = error ? `${idPrefix}-error` : undefined;
  const descriptionId = description ? `${idPrefix}-description` : undefined;

  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ') || undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="wb-inline-form">
        <TextField
          id={`${idPrefix}-q`}
          type="search"
          label={t('dependencies.search.label')}
          value={text}
          onChange={setText}
          onKeyDown={onKeyDown}
          autoComplete="off"
        />
        <Button type="button" appearance="secondary-action-button" onClick={searchNow} disabled={!text.trim()}>
          {t('dependencies.search.submit')}
        </Button>
      </div>
      {search.isFetching ? <Loading label={t('dependencies.search.searching')} /> : null}
      <ProblemAlert error={search.error} />
      {term && search.data ? (
        <Paragraph role="status" className="wb-muted">
          {t('dependencies.search.found', { count: results.length, term })}
        </Paragraph>
      ) : null}
      {options.length > 0 ? (
        <div className="wb-node-results" role="radiogroup" aria-label={t('dependencies.search.results')}>
          {options.map((node) => {
            const id = `${idPrefix}-option-${node.type}-${node.id}`;
            const checked = value ? choiceKey(value) === choiceKey(node) : false;
            return (
              <FormField
                key={choiceKey(node)}
                type="radio"
                label={
                  <FormLabel htmlFor={id} type="radio" checked={checked}>
                    <span className="wb-node-choice">
                      <TypeIcon visual={visualOf(node)} />
                      <span>
                        {node.name} <span className="wb-muted">({describe(node)})</span>
                      </span>
                    </span>
                  </FormLabel>
                }
                input={<RadioButton id={id} name={`${idPrefix}-node`} value={choiceKey(node)} checked={checked} onChange={() => onChange(node)} />}
              />
            );
          })}
        </div>
      ) : null}
    </Fieldset>
  );
}
