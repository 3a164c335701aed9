import { useParams } from 'react-router';
import type { Me } from './session';

const STORAGE_KEY = 'weerbaar.organisation';

export function rememberOrganisation(slug: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, slug);
  } catch {
    // ignore: only a convenience
  }
}

function rememberedOrganisation(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The organisation in the URL (/o/:org), else the last one used (if still a membership), else the first membership. */
export function useCurrentOrganisationSlug(me: Me | null | undefined): string | null {
  const { org } = useParams();
  if (org) return org;
  const memberships = me?.memberships ?? [];
  const remembered = rememberedOrganisation();
  if (remembered && memberships.some((m) => m.organisation.slug === remembered)) return remembered;
  return memberships[0]?.organisation.slug ?? null;
}
