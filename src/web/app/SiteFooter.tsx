import { PageFooter, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from './api';

export interface Health {
  status: string;
  database: 'pglite' | 'postgresql';
  version: string;
  demo: boolean;
}

export function SiteFooter() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => get<Health>('/health', signal),
    staleTime: 5 * 60_000,
  });
  return (
    <PageFooter className="wb-footer">
      <div className="wb-footer__inner">
        <Paragraph>{t('footer.about')}</Paragraph>
        {health.data ? (
          <Paragraph small>
            {t('footer.version', { version: health.data.version, database: t(`footer.database.${health.data.database}`) })}
          </Paragraph>
        ) : null}
      </div>
    </PageFooter>
  );
}
