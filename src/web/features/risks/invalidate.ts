import type { QueryClient } from '@tanstack/react-query';
import { riskHistoryKey, riskKey, risksKey } from './api';

/**
 * Saving, accepting or deleting a risk changes the register, the overview and the trend. A deleted
 * risk's own queries are left out: refetching them would only find it gone.
 */
export async function invalidateRisks(queryClient: QueryClient, slug: string, deletedId?: string) {
  const deleted = deletedId ? [JSON.stringify(riskKey(slug, deletedId)), JSON.stringify(riskHistoryKey(slug, deletedId))] : [];
  await queryClient.invalidateQueries({ queryKey: risksKey(slug), predicate: (query) => !deleted.includes(JSON.stringify(query.queryKey)) });
}
