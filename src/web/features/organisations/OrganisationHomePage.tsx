import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { AppLink } from '../../shared/AppLink';
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
      <DataList className="wb-datalist">
        <DataListItem>
          <DataListKey>{t('organisation.kind')}</DataListKey>
          <DataListValue>{t(`kinds.${organisation.kind}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('organisation.yourRoles')}</DataListKey>
          <DataListValue>
            {roles.length > 0
              ? roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')
              : t('organisation.noRoles')}
          </DataListValue>
        </DataListItem>
        {organisation.kind !== 'csirt' ? (
          <DataListItem>
            <DataListKey>{t('organisation.csirt')}</DataListKey>
            <DataListValue>
              <OrgLink organisation={organisation.csirt} />
            </DataListValue>
          </DataListItem>
        ) : null}
        {organisation.kind !== 'veiligheidsregio' ? (
          <DataListItem>
            <DataListKey>{t('organisation.veiligheidsregio')}</DataListKey>
            <DataListValue>
              <OrgLink organisation={organisation.veiligheidsregio} />
            </DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>{t('organisation.mfaRequired')}</DataListKey>
          <DataListValue>{organisation.mfaRequired ? t('common.yes') : t('common.no')}</DataListValue>
        </DataListItem>
      </DataList>

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
