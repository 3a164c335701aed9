import { useQueries, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { fetchFramework, frameworkKey } from '../api';
import { fetchYear, fetchYears, yearDetailKey, yearKey, yearListKey, yearsKey } from './api';

export function useYears(slug: string, enabled = true) {
  return useQuery({ queryKey: yearListKey(slug), queryFn: ({ signal }) => fetchYears(slug, signal), enabled });
}

export function useYear(slug: string, year: number | null, enabled = true) {
  return useQuery({
    queryKey: yearDetailKey(slug, year ?? 0),
    queryFn: ({ signal }) => fetchYear(slug, year ?? 0, signal),
    enabled: enabled && year !== null,
  });
}

/**
 * After a change to one year: its progress, its lists and every diff that involves it are stale
 * (a diff of another year against this one too), and so is the year list (phase, signature).
 * keepAssessments leaves the table's pages alone: an inline edit already updated its row, and a
 * refetch could take the row away under the user's keyboard when a filter no longer matches.
 */
export async function invalidateYear(queryClient: QueryClient, slug: string, year: number, options: { keepAssessments?: boolean } = {}) {
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: yearKey(slug, year),
      // [..., year, 'assessments', 'page', filters, cursor]
      predicate: (query) => !(options.keepAssessments && query.queryKey[4] === 'assessments' && query.queryKey[5] === 'page'),
    }),
    queryClient.invalidateQueries({ queryKey: yearListKey(slug) }),
    queryClient.invalidateQueries({
      queryKey: yearsKey(slug),
      // [..., year, 'diff', against]
      predicate: (query) => query.queryKey[4] === 'diff',
    }),
  ]);
}

/** "5" → "Organisatorisch": the titles of the chapters (the top-level nodes) of the given frameworks, from the library. */
export function useChapterTitles(frameworkIds: string[]): (framework: string, chapter: string) => string | undefined {
  const results = useQueries({
    queries: frameworkIds.map((id) => ({
      queryKey: frameworkKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchFramework(id, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const titles = new Map<string, string>();
  results.forEach((result, index) => {
    for (const requirement of result.data?.requirements ?? []) {
      if (!requirement.parentRef) titles.set(`${frameworkIds[index]}|${requirement.ref}`, requirement.title);
    }
  });
  return (framework, chapter) => titles.get(`${framework}|${chapter}`);
}
