import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem';

/** Shows a failed request's message (problem `detail`) in an error alert; renders nothing without an error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{problemMessage(error, t)}</Paragraph>
    </Alert>
  );
}
