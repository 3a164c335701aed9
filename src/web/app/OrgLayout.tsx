import { Heading1 } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { isApiError } from './api';
import { Loading } from '../shared/Loading';
import { ProblemAlert } from '../shared/ProblemAlert';
import { useOrganisation } from '../shared/organisation';
import { rememberOrganisation } from './currentOrganisation';

/** /o/:org — loads the organisation once for all its pages (they read it with useCurrentOrganisation from shared/organisation). */
export function OrgLayout() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const organisation = useOrganisation(org);

  useEffect(() => {
    if (organisation.data) rememberOrganisation(organisation.data.slug);
  }, [organisation.data]);

  if (organisation.isPending) return <Loading />;
  if (organisation.isError) {
    const status = isApiError(organisation.error) ? organisation.error.status : 0;
    return (
      <>
        <Heading1>{status === 404 || status === 403 ? t('organisation.unavailableTitle') : t('errors.title')}</Heading1>
        <ProblemAlert error={organisation.error} />
      </>
    );
  }
  return <Outlet context={organisation.data} />;
}
