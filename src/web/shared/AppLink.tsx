import { Link as RouterLink, NavLink } from 'react-router';
import type { LinkProps, NavLinkProps } from 'react-router';

const LINK_CLASS = 'utrecht-link utrecht-link--html-a';

/** Client-side router link with the NLDS link styling. */
export function AppLink({ className, ...props }: LinkProps) {
  return <RouterLink {...props} className={className ? `${LINK_CLASS} ${className}` : LINK_CLASS} />;
}

/** Router link that marks itself aria-current="page" when active. */
export function AppNavLink({ className, ...props }: Omit<NavLinkProps, 'className'> & { className?: string }) {
  return <NavLink {...props} className={className ? `${LINK_CLASS} ${className}` : LINK_CLASS} />;
}
