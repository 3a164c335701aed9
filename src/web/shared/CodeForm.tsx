import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';
import { TextField } from './TextField';
import { codeError } from './validation';

export interface CodeFormProps {
  id: string;
  label: string;
  description?: string;
  intro?: string;
  submitLabel: string;
  onSubmit: (code: string) => void;
  pending: boolean;
  error: unknown;
  danger?: boolean;
  autoFocus?: boolean;
  /** further buttons beside the submit button (e.g. cancel) */
  children?: ReactNode;
}

/** A form asking for the 6-digit code of an authenticator app: checked here first, then submitted. */
export function CodeForm({ id, label, description, intro, submitLabel, onSubmit, pending, error, danger, autoFocus, children }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = codeError(code, t);
    setInvalid(problem);
    if (problem) {
      document.getElementById(id)?.focus();
      return;
    }
    onSubmit(code.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      {intro && <Paragraph>{intro}</Paragraph>}
      <ProblemAlert error={error} />
      <TextField
        id={id}
        label={label}
        description={description}
        value={code}
        onChange={setCode}
        error={invalid}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        autoFocus={autoFocus}
      />
      <ButtonGroup>
        <Button
          type="submit"
          appearance={danger ? 'secondary-action-button' : 'primary-action-button'}
          hint={danger ? 'danger' : undefined}
          busy={pending}
          disabled={pending}
        >
          {submitLabel}
        </Button>
        {children}
      </ButtonGroup>
    </form>
  );
}
