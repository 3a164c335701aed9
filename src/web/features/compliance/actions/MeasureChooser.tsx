import { Button } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../shared/SelectField';
import { TextField } from '../../../shared/TextField';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { fetchMeasures, measuresKey } from '../api';

/**
 * Choose the measure an action belongs to: search the measures by title, then pick one from the
 * select (which always offers "no measure" and the current one). Lives inside another form, so the
 * search runs on its button or Enter without submitting that form.
 */
export function MeasureChooser({
  id,
  value,
  current,
  onChange,
}: {
  id: string;
  value: string;
  current: { id: string; title: string } | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const results = useQuery({
    queryKey: [...measuresKey(organisation.slug), 'chooser', query ?? ''],
    queryFn: ({ signal }) => fetchMeasures(organisation.slug, { q: query ?? '', status: '' }, null, signal),
    enabled: query !== null,
  });
  const options = [{ value: '', label: t('evidence.actions.noMeasure') }];
  if (current) options.push({ value: current.id, label: current.title });
  for (const measure of results.data?.items ?? []) {
    if (!options.some((option) => option.value === measure.id)) options.push({ value: measure.id, label: measure.title });
  }
  const search = () => setQuery(text.trim());
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  };
  return (
    <div className="wb-inline-form">
      <TextField
        id={`${id}-search`}
        label={t('evidence.actions.measureSearch')}
        type="search"
        value={text}
        onChange={setText}
        onKeyDown={onKeyDown}
        autoComplete="off"
        maxLength={100}
      />
      <Button type="button" appearance="secondary-action-button" onClick={search} busy={results.isFetching} disabled={results.isFetching}>
        {t('evidence.actions.measureSearchSubmit')}
      </Button>
      <SelectField
        id={id}
        label={t('evidence.actions.fields.measure')}
        value={value}
        options={options}
        onChange={onChange}
        description={results.data ? t('evidence.actions.measuresFound', { count: results.data.items.length }) : undefined}
      />
    </div>
  );
}
