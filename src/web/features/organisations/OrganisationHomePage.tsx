import { Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { useCurrentOrganisation } from '../../shared/organisation';
import type { OrganisationRef } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';

const orgPath = (slug: string) => `/o/${encodeURIComponent(slug)}`;

function OrgLink({ organisation }: { organisation: OrganisationRef | null }) {
  const { t } = useTranslation();
  if (!organisation) return <>{t('common.none')}</>;
  return <AppLink to={orgPath(organisation.slug)}>{organisation.name}</AppLink>;
}

/** /o/:org — the organisation's home: what it is, your roles, its CSIRT and region, connected organisations. */
export function OrganisationHomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const organisation = useCurrentOrganisation();
  usePageTitle(organisation.name);
  const membership = me.memberships.find((m) => m.organisation.slug === organisation.slug);
  const roles = membership?.roles ?? [];

  return (
    <>
      <Heading1>{organisation.name}</Heading1>
      <FactList
        facts={[
          { label: t('organisation.kind'), value: t(`kinds.${organisation.kind}`) },
          {
            label: t('organisation.yourRoles'),
            value: roles.length > 0 ? roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ') : t('organisation.noRoles'),
          },
          organisation.kind !== 'csirt' && { label: t('organisation.csirt'), value: <OrgLink organisation={organisation.csirt} /> },
          organisation.kind !== 'veiligheidsregio' && { label: t('organisation.veiligheidsregio'), value: <OrgLink organisation={organisation.veiligheidsregio} /> },
          { label: t('organisation.mfaRequired'), value: organisation.mfaRequired ? t('common.yes') : t('common.no') },
        ]}
      />

      {organisation.kind === 'csirt' || organisation.kind === 'veiligheidsregio' || organisation.connected.length > 0 ? (
        <section aria-labelledby="connected-heading" className="wb-section">
          <Heading2 id="connected-heading">{t('organisation.connected')}</Heading2>
          {organisation.connected.length === 0 ? (
            <Paragraph>{t('organisation.noConnected')}</Paragraph>
          ) : (
            <UnorderedList>
              {organisation.connected.map((connected) => (
                <UnorderedListItem key={connected.slug}>
                  <AppLink to={orgPath(connected.slug)}>{connected.name}</AppLink> ({t(`kinds.${connected.kind}`)})
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </section>
      ) : null}
    </>
  );
}
