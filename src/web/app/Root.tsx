import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { isLanguage } from '../i18n/setup';
import { useMe } from './session';

/** Top-level route: applies the logged-in user's language preference. */
export function Root() {
  const { i18n } = useTranslation();
  const me = useMe();
  const language = me.data?.user.language;
  useEffect(() => {
    if (isLanguage(language) && language !== i18n.language) void i18n.changeLanguage(language);
  }, [language, i18n]);
  return <Outlet />;
}
