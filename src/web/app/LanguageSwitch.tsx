import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../shared/language';

/**
 * One button that switches between Dutch and English. Its text is the other language's own
 * name ("English" / "Nederlands"), marked with that language's lang attribute.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { change, isPending } = useChangeLanguage();
  const target = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Button
      type="button"
      appearance="subtle-button"
      className="wb-language-switch"
      lang={target}
      busy={isPending}
      title={t('shell.language.switchTo')}
      onClick={() => void change(target)}
    >
      {t(`shell.language.${target}`)}
    </Button>
  );
}
