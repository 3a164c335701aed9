import { Alert, Button, ButtonGroup, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Dependant } from './api';

/**
 * The answer to deleting something others depend on (409 with the list): what depends on it, and the
 * choice to delete it together with those links, or to keep it.
 */
export function DependantsList({ dependants, busy, onForce, onCancel }: { dependants: Dependant[]; busy: boolean; onForce: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning" role="alert">
      <Paragraph>{t('suppliers.dependants.intro', { count: dependants.length })}</Paragraph>
      <UnorderedList>
        {dependants.map((d) => (
          <UnorderedListItem key={`${d.type}-${d.id}-${d.kind}`}>
            {d.name} <span className="wb-muted">({d.kind})</span>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>{t('suppliers.dependants.question')}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" hint="danger" busy={busy} disabled={busy} onClick={onForce}>
          {t('suppliers.dependants.force')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('suppliers.dependants.keep')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}
