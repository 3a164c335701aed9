import type { ReactNode } from 'react';
import { Select, SelectOption } from '@utrecht/component-library-react';
import { FieldFrame } from './FieldFrame';

export interface SelectFieldOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  options: SelectFieldOption[];
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
}

export function SelectField({ id, label, value, options, onChange, description, error, required, disabled }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      {(describedBy) => (
        <Select
          id={id}
          value={value}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </FieldFrame>
  );
}
