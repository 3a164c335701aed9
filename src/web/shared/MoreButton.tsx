import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** "Show more" / "load more" below a list; busy (and disabled) while the next part loads. */
export function MoreButton({ onClick, busy = false, children }: { onClick: () => void; busy?: boolean; children: ReactNode }) {
  return (
    <ButtonGroup>
      <Button type="button" appearance="secondary-action-button" busy={busy} disabled={busy} onClick={onClick}>
        {children}
      </Button>
    </ButtonGroup>
  );
}
