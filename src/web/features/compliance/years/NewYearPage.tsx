import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { CheckboxField } from '../../../shared/CheckboxField';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SubmitButtons } from '../../../shared/SubmitButtons';
import { TextField } from '../../../shared/TextField';
import { fieldErrors } from '../../../shared/problem';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { usePageTitle } from '../../../shared/usePageTitle';
import { collectErrors, focusFirstError } from '../../../shared/validation';
import { useComplianceLabels } from '../labels';
import { useFrameworkNames, useFrameworks } from '../queries';
import { createYear, yearDetailKey } from './api';
import type { YearSummary } from './api';
import { parseYear, yearPath, yearRights, yearsPath } from './access';
import type { YearNotice } from './YearPage';
import { invalidateYear, useYears } from './queries';
import { YearBreadcrumbs } from './YearPageParts';
import './years.css';

const ID = 'new-year';

/** /o/:org/compliance/years/new — open a verantwoordingsjaar, by default as a copy of the last one. */
export function NewYearPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('years.new.title');
  usePageTitle(title, organisation.name);
  const years = useYears(organisation.slug);
  const frameworks = useFrameworks();
  if (!yearRights(organisation).manage) return <NoAccess title={title} />;
  return (
    <>
      <YearBreadcrumbs slug={organisation.slug} />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('years.new.intro')}</Paragraph>
      {years.isPending || frameworks.isPending ? <Loading /> : null}
      <ProblemAlert error={years.error ?? frameworks.error} />
      {years.data && frameworks.data ? <NewYearForm key={organisation.slug} slug={organisation.slug} years={years.data} /> : null}
    </>
  );
}

function NewYearForm({ slug, years }: { slug: string; years: YearSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useComplianceLabels();
  const frameworks = useFrameworks();
  const frameworkName = useFrameworkNames();
  const sorted = [...years].sort((a, b) => b.year - a.year);
  const last = sorted[0];
  const [year, setYear] = useState(String(last ? last.year + 1 : new Date().getFullYear()));
  const [copyFrom, setCopyFrom] = useState(last ? String(last.year) : '');
  const [selected, setSelected] = useState<string[]>(last?.frameworks ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: { year: number; frameworks: string[]; copyFrom?: number }) => createYear(slug, body),
    onSuccess: async (created) => {
      queryClient.setQueryData(yearDetailKey(slug, created.year), created);
      await invalidateYear(queryClient, slug, created.year);
      await navigate(yearPath(slug, created.year), { state: { created: true } satisfies YearNotice });
    },
  });
  const server = fieldErrors(mutation.error);

  const onCopyFrom = (value: string) => {
    setCopyFrom(value);
    const source = years.find((candidate) => String(candidate.year) === value);
    if (source) setSelected(source.frameworks);
  };
  const toggle = (id: string, checked: boolean) => setSelected((current) => (checked ? [...current.filter((item) => item !== id), id] : current.filter((item) => item !== id)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseYear(year.trim());
    const invalid = collectErrors({
      year: value === null ? t('years.new.yearInvalid') : years.some((candidate) => candidate.year === value) ? t('years.new.yearExists', { year: value }) : null,
      frameworks: selected.length === 0 ? t('years.new.frameworksRequired') : null,
    });
    setErrors(invalid ?? {});
    if (invalid || value === null) {
      if (invalid?.frameworks && !invalid.year) document.getElementById(`${ID}-framework-0`)?.focus();
      else if (invalid) focusFirstError(ID, invalid);
      return;
    }
    mutation.mutate({ year: value, frameworks: selected, ...(copyFrom ? { copyFrom: Number(copyFrom) } : {}) });
  };

  const frameworkError = errors.frameworks ?? server.frameworks;
  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={mutation.error} />
      <TextField
        id={`${ID}-year`}
        label={t('years.fields.year')}
        value={year}
        onChange={setYear}
        inputMode="numeric"
        autoComplete="off"
        required
        error={errors.year ?? server.year}
        description={t('years.new.yearDescription')}
      />
      <SelectField
        id={`${ID}-copy`}
        label={t('years.new.copyFrom')}
        value={copyFrom}
        onChange={onCopyFrom}
        description={t('years.new.copyFromDescription')}
        options={[
          { value: '', label: t('years.new.noCopy') },
          ...sorted.map((candidate) => ({
            value: String(candidate.year),
            label: t('years.new.copyOption', { year: candidate.year, frameworks: candidate.frameworks.map(frameworkName).join(', ') }),
          })),
        ]}
      />
      <Fieldset invalid={Boolean(frameworkError)} aria-describedby={[`${ID}-frameworks-description`, frameworkError ? `${ID}-frameworks-error` : ''].filter(Boolean).join(' ')}>
        <FieldsetLegend>{t('years.new.frameworks')}</FieldsetLegend>
        <FormFieldDescription id={`${ID}-frameworks-description`}>{t('years.new.frameworksDescription')}</FormFieldDescription>
        {frameworkError ? <FormFieldErrorMessage id={`${ID}-frameworks-error`}>{frameworkError}</FormFieldErrorMessage> : null}
        {(frameworks.data ?? []).map((framework, index) => (
          <CheckboxField
            key={framework.id}
            id={`${ID}-framework-${index}`}
            label={`${framework.name}: ${labels.title(framework.title)}`}
            checked={selected.includes(framework.id)}
            onChange={(checked) => toggle(framework.id, checked)}
            description={t('years.new.requirementCount', { count: framework.requirementCount })}
          />
        ))}
      </Fieldset>
      <SubmitButtons label={t('years.new.submit')} pending={mutation.isPending}>
        <AppLink to={yearsPath(slug)} className="wb-form-cancel">
          {t('common.cancel')}
        </AppLink>
      </SubmitButtons>
    </form>
  );
}
