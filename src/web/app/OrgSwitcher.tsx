import { Button, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useOrganisations } from '../shared/organisation';
import type { OrganisationAccess } from '../shared/organisation';
import type { Me } from './session';

interface Option {
  slug: string;
  name: string;
  access: OrganisationAccess;
}

const ACCESS_ORDER: OrganisationAccess[] = ['member', 'connected', 'installation'];

/**
 * Organisation switcher: a labelled select plus a button, so that moving through the options with
 * the keyboard does not navigate away (WCAG 3.2.2). Keeps the current sub-page (members, audit, …).
 */
export function OrgSwitcher({ me, current }: { me: Me; current: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const organisations = useOrganisations();
  const [selected, setSelected] = useState(current ?? '');

  useEffect(() => setSelected(current ?? ''), [current]);

  const options = useMemo<Option[]>(() => {
    const fromMemberships: Option[] = me.memberships.map((m) => ({ ...m.organisation, access: 'member' }));
    const all = organisations.data ?? fromMemberships;
    const known = new Set(all.map((o) => o.slug));
    const merged = [...all, ...fromMemberships.filter((o) => !known.has(o.slug))];
    return merged.sort((a, b) => a.name.localeCompare(b.name));
  }, [me.memberships, organisations.data]);

  if (options.length === 0) return null;

  const groups = ACCESS_ORDER.map((access) => ({ access, items: options.filter((o) => o.access === access) })).filter(
    (group) => group.items.length > 0,
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    const match = /^\/o\/[^/]+(\/.*)?$/.exec(location.pathname);
    const rest = match?.[1] ?? '';
    navigate(`/o/${encodeURIComponent(selected)}${rest}`);
  };

  return (
    <form className="wb-org-switcher" onSubmit={onSubmit}>
      <FormLabel htmlFor="org-switcher">{t('shell.orgSwitcher.label')}</FormLabel>
      <Select id="org-switcher" value={selected} onChange={(event) => setSelected(event.target.value)}>
        {current ? null : <SelectOption value="">{t('shell.orgSwitcher.choose')}</SelectOption>}
        {groups.length === 1
          ? groups[0].items.map((o) => (
              <SelectOption key={o.slug} value={o.slug}>
                {o.name}
              </SelectOption>
            ))
          : groups.map((group) => (
              <optgroup key={group.access} label={t(`access.${group.access}`)}>
                {group.items.map((o) => (
                  <SelectOption key={o.slug} value={o.slug}>
                    {o.name}
                  </SelectOption>
                ))}
              </optgroup>
            ))}
      </Select>
      <Button type="submit" appearance="secondary-action-button">
        {t('shell.orgSwitcher.submit')}
      </Button>
    </form>
  );
}
