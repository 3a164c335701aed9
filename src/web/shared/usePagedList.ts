import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';

/** One page of a list that the API pages with a keyset cursor. */
export interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * A list read page by page ("load more"): the infinite query and the items of all pages loaded so
 * far. While new filters load, the previous results stay (unless `keepPrevious` is false).
 */
export function usePagedList<Page extends CursorPage>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page>,
  { keepPrevious = true }: { keepPrevious?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  const items: Array<Page['items'][number]> = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
}
