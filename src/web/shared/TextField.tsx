import type { ReactNode } from 'react';
import { Textbox } from '@utrecht/component-library-react';
import type { TextboxProps } from '@utrecht/component-library-react';
import { FieldFrame } from './FieldFrame';

export interface TextFieldProps extends Omit<TextboxProps, 'id' | 'value' | 'onChange' | 'invalid'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | null;
}

/** A labelled single-line text field. */
export function TextField({ id, label, value, onChange, description, error, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      {(describedBy) => (
        <Textbox
          {...inputProps}
          id={id}
          value={value}
          invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
