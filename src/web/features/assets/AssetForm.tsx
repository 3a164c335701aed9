import { Fieldset, FieldsetLegend, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { CheckboxField } from '../../shared/CheckboxField';
import { FactList } from '../../shared/FactList';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { focusFirstError } from '../../shared/validation';
import { useMemberOptions } from '../members/memberOptions';
import { ASSET_KINDS, CRITICALITIES, hasBia, hasLocation, hasOt, hasSoftware, LEVELS, MAX_HOURS, OT_TYPES, PERSONAL_DATA_CATEGORIES } from './api';
import type { Asset, AssetInput, AssetKind, PersonalDataCategory } from './api';
import { assetInput, HOUR_FIELDS, hoursProblem } from './form';
import type { AssetFormValues } from './form';
import { useAssetLabels } from './labels';

export interface AssetFormProps {
  idPrefix: string;
  initial: AssetFormValues;
  /** the saved asset when editing: its owner is shown when members cannot be listed, and only changes are sent */
  asset?: Asset;
  /** false: only operational technology (the OOV adviser); the kind stays "ot" */
  allKinds: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: AssetInput) => void;
  cancel?: ReactNode;
}

const MIN_NAME = 2;

/**
 * One form for every kind of asset: the general facts, the classification (BIV), personal data and
 * then only the fields of the chosen kind — BIA figures for a process, software for an application or
 * system, the OT facts for operational technology. Client checks first; the server's errors appear at
 * their fields.
 */
export function AssetForm({ idPrefix, initial, asset, allKinds, submitLabel, pending, error, onSubmit, cancel }: AssetFormProps) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const [values, setValues] = useState(initial);
  const { errors, check } = useFormErrors(idPrefix);
  const server = fieldErrors(error);
  // A name already in use (409) belongs to the name field.
  if (isApiError(error) && error.status === 409 && !server.name && error.problem.detail) server.name = error.problem.detail;
  const fieldError = (field: string) => errors[field] ?? server[field] ?? null;

  // After a refused save, go to the first field the server named.
  useEffect(() => {
    const named = fieldErrors(error);
    if (Object.keys(named).length > 0) focusFirstError(idPrefix, named);
    else if (isApiError(error) && error.status === 409) document.getElementById(`${idPrefix}-name`)?.focus();
  }, [error, idPrefix]);

  const members = useMemberOptions(t('assets.noOwner'), asset?.owner ? { id: asset.owner.id, name: labels.owner(asset.owner) } : null);
  const ownerPicker = members.available;

  const set =
    <K extends keyof AssetFormValues>(key: K) =>
    (value: AssetFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const toggleCategory = (category: PersonalDataCategory, checked: boolean) =>
    setValues((current) => {
      const chosen = new Set(current.personalDataCategories);
      if (checked) chosen.add(category);
      else chosen.delete(category);
      return { ...current, personalDataCategories: PERSONAL_DATA_CATEGORIES.filter((c) => chosen.has(c)) };
    });

  const hoursError = (field: 'rtoHours' | 'rpoHours' | 'mtdHours') => {
    const problem = hasBia(values.kind) ? hoursProblem(values[field]) : null;
    if (problem === 'format') return t('assets.form.hoursFormat');
    if (problem === 'range') return t('assets.form.hoursRange', { max: MAX_HOURS });
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = values.name.trim();
    const valid = check({
      name: !name ? t('errors.required') : name.length < MIN_NAME ? t('assets.form.nameTooShort', { min: MIN_NAME }) : null,
      ...Object.fromEntries(HOUR_FIELDS.map((field) => [field, hoursError(field)])),
      otType: hasOt(values.kind) && !values.otType ? t('assets.form.otTypeRequired') : null,
    });
    if (!valid) return;
    onSubmit(assetInput(values, { ownerPicker, initial: asset }));
  };

  const id = (field: string) => `${idPrefix}-${field}`;
  const levelOptions = [{ value: '', label: t('assets.values.notSet') }, ...LEVELS.map((level) => ({ value: level, label: labels.level(level) }))];
  const kinds: readonly AssetKind[] = allKinds ? ASSET_KINDS : ['ot'];
  const categoriesError = fieldError('personalDataCategories');

  return (
    <form onSubmit={submit} noValidate aria-describedby={`${idPrefix}-intro`}>
      <Paragraph id={`${idPrefix}-intro`}>{allKinds ? t('assets.form.intro') : t('assets.form.introOt')}</Paragraph>
      <ProblemAlert error={error} />
      <Fieldset className="wb-asset-fieldset">
        <FieldsetLegend>{t('assets.form.general')}</FieldsetLegend>
        <SelectField
          id={id('kind')}
          label={t('assets.fields.kind')}
          description={allKinds ? t('assets.form.kindHelp') : t('assets.form.kindOtOnly')}
          value={values.kind}
          options={kinds.map((kind) => ({ value: kind, label: labels.kind(kind) }))}
          onChange={(value) => set('kind')(value as AssetKind)}
          error={fieldError('kind')}
          disabled={!allKinds}
          required
        />
        <TextField id={id('name')} label={t('assets.fields.name')} value={values.name} onChange={set('name')} error={fieldError('name')} required maxLength={300} autoComplete="off" />
        <TextareaField
          id={id('description')}
          label={t('assets.fields.description')}
          value={values.description}
          onChange={set('description')}
          error={fieldError('description')}
          rows={3}
          maxLength={10_000}
        />
        {ownerPicker ? (
          <SelectField
            id={id('ownerId')}
            label={t('assets.fields.owner')}
            description={t('assets.form.ownerHelp')}
            value={values.ownerId}
            options={members.options}
            onChange={set('ownerId')}
            error={fieldError('ownerId')}
            disabled={members.isPending}
          />
        ) : (
          <FactList facts={[{ label: t('assets.fields.owner'), value: labels.owner(asset?.owner ?? null) }]} />
        )}
        <SelectField
          id={id('criticality')}
          label={t('assets.fields.criticality')}
          description={t('assets.form.criticalityHelp')}
          value={values.criticality}
          options={[{ value: '', label: t('assets.values.notSet') }, ...CRITICALITIES.map((value) => ({ value, label: labels.criticality(value) }))]}
          onChange={(value) => set('criticality')(value as AssetFormValues['criticality'])}
          error={fieldError('criticality')}
        />
      </Fieldset>

      <Fieldset className="wb-asset-fieldset">
        <FieldsetLegend>{t('assets.form.classification')}</FieldsetLegend>
        <div className="wb-asset-row">
          {(['availability', 'integrity', 'confidentiality'] as const).map((field) => (
            <SelectField
              key={field}
              id={id(field)}
              label={t(`assets.fields.${field}`)}
              value={values[field]}
              options={levelOptions}
              onChange={(value) => set(field)(value as AssetFormValues[typeof field])}
              error={fieldError(field)}
            />
          ))}
        </div>
      </Fieldset>

      <Fieldset className="wb-asset-fieldset">
        <FieldsetLegend>{t('assets.form.personalData')}</FieldsetLegend>
        <CheckboxField
          id={id('personalData')}
          label={t('assets.form.personalDataCheck')}
          checked={values.personalData}
          onChange={set('personalData')}
        />
        {values.personalData ? (
          <Fieldset
            id={id('personalDataCategories')}
            tabIndex={-1}
            invalid={Boolean(categoriesError)}
            aria-describedby={categoriesError ? `${id('personalDataCategories')}-error` : undefined}
            className="wb-roles"
          >
            <FieldsetLegend>{t('assets.fields.personalDataCategories')}</FieldsetLegend>
            {categoriesError ? <FormFieldErrorMessage id={`${id('personalDataCategories')}-error`}>{categoriesError}</FormFieldErrorMessage> : null}
            <div className="wb-roles__options">
              {PERSONAL_DATA_CATEGORIES.map((category) => (
                <CheckboxField
                  key={category}
                  id={`${id('category')}-${category}`}
                  label={labels.category(category)}
                  checked={values.personalDataCategories.includes(category)}
                  onChange={(checked) => toggleCategory(category, checked)}
                />
              ))}
            </div>
          </Fieldset>
        ) : null}
      </Fieldset>

      {hasBia(values.kind) ? (
        <Fieldset className="wb-asset-fieldset">
          <FieldsetLegend>{t('assets.form.bia')}</FieldsetLegend>
          <Paragraph>{t('assets.form.biaIntro')}</Paragraph>
          <div className="wb-asset-row wb-asset-row--hours">
            {HOUR_FIELDS.map((field) => (
              <TextField
                key={field}
                id={id(field)}
                label={t(`assets.fields.${field}`)}
                description={t(`assets.form.${field}Help`)}
                value={values[field]}
                onChange={set(field)}
                error={fieldError(field)}
                inputMode="numeric"
                autoComplete="off"
                className="wb-asset-hours"
              />
            ))}
          </div>
        </Fieldset>
      ) : null}

      {hasSoftware(values.kind) ? (
        <Fieldset className="wb-asset-fieldset">
          <FieldsetLegend>{t('assets.form.software')}</FieldsetLegend>
          <Paragraph>{t('assets.form.softwareIntro')}</Paragraph>
          <div className="wb-asset-row">
            <TextField id={id('vendor')} label={t('assets.fields.vendor')} value={values.vendor} onChange={set('vendor')} error={fieldError('vendor')} maxLength={200} autoComplete="off" />
            <TextField id={id('product')} label={t('assets.fields.product')} value={values.product} onChange={set('product')} error={fieldError('product')} maxLength={200} autoComplete="off" />
            <TextField id={id('version')} label={t('assets.fields.version')} value={values.version} onChange={set('version')} error={fieldError('version')} maxLength={100} autoComplete="off" />
          </div>
          <TextField
            id={id('cpe')}
            label={t('assets.fields.cpe')}
            description={t('assets.form.cpeHelp')}
            value={values.cpe}
            onChange={set('cpe')}
            error={fieldError('cpe')}
            maxLength={500}
            autoComplete="off"
            spellCheck={false}
            className="wb-asset-code"
          />
          <TextField
            id={id('purl')}
            label={t('assets.fields.purl')}
            description={t('assets.form.purlHelp')}
            value={values.purl}
            onChange={set('purl')}
            error={fieldError('purl')}
            maxLength={1000}
            autoComplete="off"
            spellCheck={false}
            className="wb-asset-code"
          />
        </Fieldset>
      ) : null}

      {hasOt(values.kind) ? (
        <Fieldset className="wb-asset-fieldset">
          <FieldsetLegend>{t('assets.form.ot')}</FieldsetLegend>
          <SelectField
            id={id('otType')}
            label={t('assets.fields.otType')}
            value={values.otType}
            options={[{ value: '', label: t('assets.form.chooseOtType') }, ...OT_TYPES.map((value) => ({ value, label: labels.otType(value) }))]}
            onChange={(value) => set('otType')(value as AssetFormValues['otType'])}
            error={fieldError('otType')}
            required
          />
          <SelectField
            id={id('remoteAccess')}
            label={t('assets.fields.remoteAccess')}
            value={values.remoteAccess}
            options={[
              { value: '', label: t('assets.values.unknown') },
              { value: 'true', label: t('assets.values.yes') },
              { value: 'false', label: t('assets.values.no') },
            ]}
            onChange={(value) => set('remoteAccess')(value as AssetFormValues['remoteAccess'])}
            error={fieldError('remoteAccess')}
          />
          {values.remoteAccess === 'true' ? (
            <TextareaField
              id={id('remoteAccessHow')}
              label={t('assets.fields.remoteAccessHow')}
              description={t('assets.form.remoteAccessHowHelp')}
              value={values.remoteAccessHow}
              onChange={set('remoteAccessHow')}
              error={fieldError('remoteAccessHow')}
              rows={3}
              maxLength={2000}
            />
          ) : null}
        </Fieldset>
      ) : null}

      {hasLocation(values.kind) ? (
        <TextField
          id={id('location')}
          label={t('assets.fields.location')}
          description={hasOt(values.kind) ? t('assets.form.locationOtHelp') : t('assets.form.locationHelp')}
          value={values.location}
          onChange={set('location')}
          error={fieldError('location')}
          maxLength={500}
          autoComplete="off"
        />
      ) : null}

      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}
