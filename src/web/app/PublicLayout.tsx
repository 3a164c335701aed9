import { Outlet } from 'react-router';
import { Frame } from './Frame';
import { useMe } from './session';

/** Layout for pages that need no login: /login, /setup, /invitation/:token. */
export function PublicLayout() {
  const me = useMe();
  return (
    <Frame me={me.data ?? null} currentOrg={null}>
      <div className="wb-narrow">
        <Outlet />
      </div>
    </Frame>
  );
}
