import type { ReactNode } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';

export interface FieldFrameProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  /** the control, given the ids it must reference in aria-describedby */
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label + optional description + control + error message, wired with for/id and aria-describedby. */
export function FieldFrame({ id, label, description, error, children }: FieldFrameProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={children(describedBy)}
    />
  );
}
