import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shared/PageHeading';
import { useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';

/** An honest placeholder for a capability that is not built yet: what it will do, and no fake data. */
export function UnavailablePage({ capability }: { capability: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t(`capabilities.${capability}.title`);
  usePageTitle(title, organisation.name);
  return (
    <>
      <PageHeading title={title} context={organisation.name} />
      <Alert type="info">
        <Paragraph>
          <strong>{t('unavailable.title')}</strong>
        </Paragraph>
        <Paragraph>{t('unavailable.body')}</Paragraph>
      </Alert>
      <Paragraph>{t(`capabilities.${capability}.description`)}</Paragraph>
    </>
  );
}
