import { useTranslation } from 'react-i18next';

/** Labels for action statuses and sources. */
export function useActionLabels() {
  const { t } = useTranslation();
  return {
    status: (status: string) => t(`evidence.actions.statuses.${status}`, { defaultValue: status }),
    source: (type: string) => t(`evidence.actions.sources.${type}`, { defaultValue: type }),
  };
}
