import type { ReactNode } from 'react';
import { Textarea } from '@utrecht/component-library-react';
import type { TextareaProps } from '@utrecht/component-library-react';
import { FieldFrame } from './FieldFrame';

export interface TextareaFieldProps extends Omit<TextareaProps, 'id' | 'value' | 'onChange' | 'invalid'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | null;
}

/** A labelled multi-line text field. */
export function TextareaField({ id, label, value, onChange, description, error, ...inputProps }: TextareaFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      {(describedBy) => (
        <Textarea
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
