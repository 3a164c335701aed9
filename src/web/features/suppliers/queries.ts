import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { supplierKey, suppliersKey } from './api';
import type { Supplier } from './api';

/**
 * After a change to one supplier: the answer (the whole supplier) replaces the cached detail, and the
 * lists and pickers are read again. Without an answer (204) the detail is read again too.
 */
export function useSupplierChanged(slug: string, supplierId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (updated: Supplier | void) => {
      const key = JSON.stringify(supplierKey(slug, supplierId));
      if (updated) queryClient.setQueryData(supplierKey(slug, supplierId), updated);
      await queryClient.invalidateQueries({
        queryKey: suppliersKey(slug),
        predicate: (query) => !updated || JSON.stringify(query.queryKey) !== key,
      });
    },
    [queryClient, slug, supplierId],
  );
}
