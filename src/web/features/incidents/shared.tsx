import { Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { incidentKey, incidentsKey } from './api';

/** A mutation on one incident that reloads the incident (and marks the lists stale) when it succeeds. */
export function useIncidentMutation<V, R>(slug: string, incidentId: string, fn: (values: V) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: incidentKey(slug, incidentId) });
      void queryClient.invalidateQueries({ queryKey: [...incidentsKey(slug), 'list'] });
      onDone?.(result);
    },
  });
}

export interface RadioOption {
  value: string;
  label: ReactNode;
}

/** A group of radio buttons in a fieldset with its legend, description and error (ids `${id}-${value}`). */
export function RadioGroup({
  id,
  legend,
  description,
  value,
  options,
  onChange,
  error,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  value: string;
  options: RadioOption[];
  onChange: (value: string) => void;
  error?: string | null;
}) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ') || undefined} tabIndex={-1}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {options.map((option) => {
        const optionId = `${id}-${option.value || 'none'}`;
        return (
          <FormField
            key={option.value}
            type="radio"
            label={
              <FormLabel htmlFor={optionId} type="radio" checked={value === option.value}>
                {option.label}
              </FormLabel>
            }
            input={<RadioButton id={optionId} name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />}
          />
        );
      })}
    </Fieldset>
  );
}

/** Whole number from a text field ('' → null); NaN when it is not one. */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(/[.\s]/g, '');
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
