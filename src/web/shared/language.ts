import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../app/api';
import { ME_KEY } from '../app/session';
import type { Me, MeUser } from '../app/session';
import type { Language } from '../i18n/setup';

/**
 * Switches the interface language at once and, when someone is logged in, stores it on the
 * user (PATCH /me) so it follows them to other devices.
 */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (language: Language) => patch<MeUser>('/me', { language }),
    onSuccess: (user) => {
      queryClient.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user: { ...me.user, ...user } } : me));
    },
  });
  const change = async (language: Language) => {
    await i18n.changeLanguage(language);
    const me = queryClient.getQueryData<Me | null>(ME_KEY);
    if (me && !me.session.mfaPending && me.user.language !== language) mutation.mutate(language);
  };
  return { change, error: mutation.error, isPending: mutation.isPending };
}
