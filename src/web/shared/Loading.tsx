import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** A polite loading message (announced by screen readers). */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" aria-live="polite" className="wb-loading">
      {label ?? t('common.loading')}
    </Paragraph>
  );
}
