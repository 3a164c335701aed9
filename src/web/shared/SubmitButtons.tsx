import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** A form's submit button, busy and disabled while the form is being sent, and any further buttons (e.g. cancel). */
export function SubmitButtons({ label, pending, children }: { label: ReactNode; pending: boolean; children?: ReactNode }) {
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
        {label}
      </Button>
      {children}
    </ButtonGroup>
  );
}
