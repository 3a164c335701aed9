import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route whose page component is loaded when the route is first visited, so the main bundle stays
 * small (the graph and chart libraries only load with the pages that draw them).
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] as ComponentType }) };
}
