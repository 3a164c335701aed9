import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last-resort error page for rendering errors (kept free of data hooks so it always renders). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : t('errors.unexpected');
  return (
    <main id="main" className="wb-main wb-narrow">
      <Heading1>{t('errors.title')}</Heading1>
      <Alert type="error" role="alert">
        <Paragraph>{message}</Paragraph>
      </Alert>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href="/">
          {t('notFound.home')}
        </a>
      </Paragraph>
    </main>
  );
}
