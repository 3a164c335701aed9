import { Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { TextareaField } from '../../shared/TextareaField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import type { Supplier, SupplierInput } from './api';
import { countryName, countryOptions } from './countries';

export interface SupplierValues {
  name: string;
  description: string;
  website: string;
  registrationNumber: string;
  countryOfOrigin: string;
  processingCountries: string[];
  processesPersonalData: boolean;
}

export const emptySupplier: SupplierValues = {
  name: '',
  description: '',
  website: '',
  registrationNumber: '',
  countryOfOrigin: '',
  processingCountries: [],
  processesPersonalData: false,
};

export function supplierValues(supplier: Supplier): SupplierValues {
  return {
    name: supplier.name,
    description: supplier.description,
    website: supplier.website ?? '',
    registrationNumber: supplier.registrationNumber ?? '',
    countryOfOrigin: supplier.countryOfOrigin?.code ?? '',
    processingCountries: supplier.processingCountries.map((c) => c.code),
    processesPersonalData: supplier.processesPersonalData,
  };
}

export interface SupplierFormProps {
  idPrefix: string;
  initial: SupplierValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: Required<SupplierInput>) => void;
  cancel?: ReactNode;
}

/** The supplier's own facts: name, KvK number, countries of origin and processing, personal data. */
export function SupplierForm({ idPrefix, initial, submitLabel, pending, error, onSubmit, cancel }: SupplierFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof SupplierValues>(key: K) => (value: SupplierValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const { errors, check } = useFormErrors(idPrefix);
  const server = fieldErrors(error);
  const countries = countryOptions(i18n.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const website = values.website.trim();
    if (
      !check({
        name: values.name.trim().length >= 2 ? null : t('suppliers.form.nameTooShort'),
        website: !website || /^https?:\/\/\S+$/i.test(website) ? null : t('suppliers.form.websiteInvalid'),
      })
    )
      return;
    onSubmit({
      name: values.name.trim(),
      description: values.description,
      website: website || null,
      registrationNumber: values.registrationNumber.trim() || null,
      countryOfOrigin: values.countryOfOrigin || null,
      processingCountries: values.processingCountries,
      processesPersonalData: values.processesPersonalData,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField id={`${idPrefix}-name`} label={t('suppliers.fields.name')} value={values.name} onChange={set('name')} maxLength={200} required error={errors.name ?? server.name} />
      <TextareaField id={`${idPrefix}-description`} label={t('suppliers.fields.description')} value={values.description} onChange={set('description')} rows={3} error={server.description} />
      <TextField
        id={`${idPrefix}-registrationNumber`}
        label={t('suppliers.fields.registrationNumber')}
        description={t('suppliers.form.registrationHint')}
        value={values.registrationNumber}
        onChange={set('registrationNumber')}
        maxLength={40}
        error={server.registrationNumber}
      />
      <TextField
        id={`${idPrefix}-website`}
        label={t('suppliers.fields.website')}
        type="url"
        value={values.website}
        onChange={set('website')}
        maxLength={500}
        placeholder="https://"
        error={errors.website ?? server.website}
      />
      <SelectField
        id={`${idPrefix}-countryOfOrigin`}
        label={t('suppliers.fields.countryOfOrigin')}
        value={values.countryOfOrigin}
        options={[{ value: '', label: t('common.unknown') }, ...countries]}
        onChange={set('countryOfOrigin')}
        error={server.countryOfOrigin}
      />
      <CountriesField
        id={`${idPrefix}-processingCountries`}
        value={values.processingCountries}
        onChange={set('processingCountries')}
        error={server.processingCountries}
        language={i18n.language}
      />
      <CheckboxField
        id={`${idPrefix}-processesPersonalData`}
        label={t('suppliers.fields.processesPersonalData')}
        description={t('suppliers.form.personalHint')}
        checked={values.processesPersonalData}
        onChange={set('processesPersonalData')}
      />
      <ProblemAlert error={error} />
      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}

/** Several countries: pick one and add it; each chosen country has its own remove button. */
function CountriesField({ id, value, onChange, error, language }: { id: string; value: string[]; onChange: (codes: string[]) => void; error?: string; language: string }) {
  const { t } = useTranslation();
  const [pick, setPick] = useState('');
  const options = countryOptions(language).filter((option) => !value.includes(option.value));
  const add = () => {
    if (!pick) return;
    onChange([...value, pick]);
    setPick('');
  };
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{t('suppliers.fields.processingCountries')}</FormLabel>}
      description={<FormFieldDescription id={`${id}-description`}>{t('suppliers.form.processingHint')}</FormFieldDescription>}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <>
          {value.length ? (
            <ul className="wb-chosen-countries" aria-label={t('suppliers.form.chosenCountries')}>
              {value.map((code) => (
                <li key={code}>
                  {countryName(code, language)}
                  <Button type="button" appearance="subtle-button" onClick={() => onChange(value.filter((c) => c !== code))}>
                    {t('common.remove')}
                    <span className="wb-visually-hidden"> {countryName(code, language)}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="wb-inline-form">
            <Select id={id} value={pick} aria-describedby={[`${id}-description`, error ? `${id}-error` : ''].filter(Boolean).join(' ')} onChange={(event) => setPick(event.target.value)}>
              <SelectOption value="">{t('common.choose')}</SelectOption>
              {options.map((option) => (
                <SelectOption key={option.value} value={option.value}>
                  {option.label}
                </SelectOption>
              ))}
            </Select>
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" onClick={add} disabled={!pick}>
                {t('suppliers.form.addCountry')}
              </Button>
            </ButtonGroup>
          </div>
        </>
      }
    />
  );
}
