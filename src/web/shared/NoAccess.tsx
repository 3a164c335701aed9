import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';

/** Shown when a page's permission is missing (the navigation hides such pages already). */
export function NoAccess({ title }: { title: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <>
      <Heading1>{title}</Heading1>
      <Alert type="warning">
        <Paragraph>{t('errors.noAccess')}</Paragraph>
      </Alert>
    </>
  );
}
