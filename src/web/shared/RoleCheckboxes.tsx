import { Fieldset, FieldsetLegend, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { CheckboxField } from './CheckboxField';
import { ROLES, roleAllowedFor } from '../../shared/roles';
import type { OrganisationKind } from '../../shared/roles';

export interface RoleCheckboxesProps {
  idPrefix: string;
  legend: ReactNode;
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string | null;
  /** Offer only the roles that fit this kind of organisation (e.g. "analist" only at a CSIRT). */
  kind?: OrganisationKind;
}

/** A fieldset with one checkbox per organisation role (the role list is shared with the server). */
export function RoleCheckboxes({ idPrefix, legend, value, onChange, error, kind }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  const errorId = error ? `${idPrefix}-error` : undefined;
  const toggle = (role: string, checked: boolean) =>
    onChange(checked ? [...value.filter((r) => r !== role), role] : value.filter((r) => r !== role));
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={errorId} className="wb-roles">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="wb-roles__options">
        {ROLES.filter((role) => !kind || roleAllowedFor(role, kind) || value.includes(role)).map((role) => (
          <CheckboxField
            key={role}
            id={`${idPrefix}-${role}`}
            label={t(`roles.${role}`)}
            checked={value.includes(role)}
            onChange={(checked) => toggle(role, checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}
