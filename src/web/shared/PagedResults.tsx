import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Loading } from './Loading';
import { MoreButton } from './MoreButton';
import { ProblemAlert } from './ProblemAlert';

export interface PagedResultsProps {
  /** the list from `usePagedList` */
  list: {
    query: { isPending: boolean; error: unknown; data: unknown; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
    items: unknown[];
  };
  /** the text when there are no items */
  empty: ReactNode;
  /** a status line above the items (e.g. how many are shown) */
  shown?: ReactNode;
  /** the label of the "load more" button */
  loadMore: ReactNode;
  /** the items (a table or list), shown when there are any */
  children: ReactNode;
}

/** A paged list's states: loading, failed, empty, or its items with "load more" while there are more pages. */
export function PagedResults({ list, empty, shown, loadMore, children }: PagedResultsProps) {
  const { query, items } = list;
  return (
    <>
      {query.isPending ? <Loading /> : null}
      <ProblemAlert error={query.error} />
      {query.data && items.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {items.length > 0 ? (
        <>
          {shown === undefined ? null : <Paragraph role="status">{shown}</Paragraph>}
          {children}
        </>
      ) : null}
      {query.hasNextPage ? (
        <MoreButton busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {loadMore}
        </MoreButton>
      ) : null}
    </>
  );
}
