import { useQuery } from '@tanstack/react-query';
import {
  fetchCoverage,
  fetchFramework,
  fetchFrameworks,
  fetchMappingSets,
  frameworkCoverageKey,
  frameworkKey,
  frameworksKey,
  mappingSetsKey,
} from './api';

/** The library changes only when a package is imported; keep it for a few minutes. */
const LIBRARY_STALE_MS = 5 * 60_000;

export function useFrameworks() {
  return useQuery({ queryKey: frameworksKey, queryFn: ({ signal }) => fetchFrameworks(signal), staleTime: LIBRARY_STALE_MS });
}

export function useFramework(id: string | null | undefined) {
  return useQuery({
    queryKey: frameworkKey(id ?? ''),
    queryFn: ({ signal }) => fetchFramework(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: LIBRARY_STALE_MS,
  });
}

export function useMappingSets() {
  return useQuery({ queryKey: mappingSetsKey, queryFn: ({ signal }) => fetchMappingSets(signal), staleTime: LIBRARY_STALE_MS });
}

export function useCoverage(slug: string, frameworkId: string, enabled = true) {
  return useQuery({
    queryKey: frameworkCoverageKey(slug, frameworkId),
    queryFn: ({ signal }) => fetchCoverage(slug, frameworkId, signal),
    enabled,
  });
}

/** Framework id → short name ("BIO2"), for showing where a requirement or mapping comes from. */
export function useFrameworkNames(): (id: string) => string {
  const frameworks = useFrameworks();
  return (id: string) => frameworks.data?.find((framework) => framework.id === id)?.name ?? id;
}
