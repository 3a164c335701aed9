import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import type { Me } from './session';

/** Moves focus to <main> after client-side navigation, so keyboard and screen-reader users start at the new content. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
}

export interface FrameProps {
  me: Me | null;
  currentOrg: string | null;
  nav?: ReactNode;
  children: ReactNode;
}

/** Page skeleton: skip link, header (banner), optional navigation, main, footer. */
export function Frame({ me, currentOrg, nav, children }: FrameProps) {
  const { t } = useTranslation();
  useFocusMainOnNavigation();
  return (
    <div className="wb-frame">
      {/* Utrecht's SkipLink wraps the link in a <p>; the bare link with the same classes avoids the extra margin. */}
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('shell.skipToContent')}
      </a>
      <SiteHeader me={me} currentOrg={currentOrg} />
      <div className={nav ? 'wb-body wb-body--with-nav' : 'wb-body'}>
        {nav}
        <main id="main" tabIndex={-1} className="wb-main">
          {children}
        </main>
      </div>
      <SiteFooter />
    </div>
  );
}
