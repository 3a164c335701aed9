import { ButtonLink, Heading2 } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProviders, oidcStartUrl } from './api';

/** Single sign-on per organisation: a full-page navigation to the server, which redirects to the IdP. */
export function SsoButtons() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: ['oidc-providers'], queryFn: ({ signal }) => fetchProviders(signal) });
  if (!providers.data || providers.data.length === 0) return null;
  return (
    <section aria-labelledby="sso-heading" className="wb-section">
      <Heading2 id="sso-heading">{t('auth.login.ssoHeading')}</Heading2>
      <ul className="wb-plain-list">
        {providers.data.map((provider) => (
          <li key={provider.organisation}>
            <ButtonLink appearance="secondary-action-button" href={oidcStartUrl(provider.organisation)}>
              {provider.label || t('auth.login.ssoWith', { name: provider.name })}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
