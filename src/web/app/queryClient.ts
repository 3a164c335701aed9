import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { ME_KEY } from './session';

function onUnauthorised(error: unknown, queryKey?: readonly unknown[]) {
  // A 401 on any other request means the session ended: re-check /me so the guard sends the user to login.
  if (isApiError(error) && error.status === 401 && queryKey?.[0] !== ME_KEY[0]) {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onUnauthorised(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onUnauthorised(error) }),
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
