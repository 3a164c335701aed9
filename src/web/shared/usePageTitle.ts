import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<title> — Weerbaar" (WCAG 2.4.2). */
export function usePageTitle(...parts: Array<string | null | undefined>) {
  const { t } = useTranslation();
  const title = [...parts.filter(Boolean), t('app.name')].join(' — ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
