import type { ReactNode } from 'react';
import { Checkbox, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  disabled?: boolean;
}

/** A checkbox with its label beside it and an optional description, in the Utrecht checkbox form-field grid. */
export function CheckboxField({ id, label, checked, onChange, description, disabled }: CheckboxFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <FormField
      type="checkbox"
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={checked} disabled={disabled}>
          {label}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined}
      input={
        <Checkbox
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={descriptionId}
          onChange={(event) => onChange(event.target.checked)}
        />
      }
    />
  );
}
