import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';

export interface Crumb {
  to: string;
  label: string;
}

/** The way back up from a detail page: the pages above it, the current page left out (its h1 says where you are). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('compliance.breadcrumbs')} className="wb-breadcrumbs">
      <ol className="wb-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.to} className="wb-breadcrumbs__item">
            <AppLink to={item.to}>{item.label}</AppLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
