import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
