import { useTranslation } from 'react-i18next';
import type { Asset } from './api';

/** Display texts of the asset codes (kinds, levels, OT types, categories, dependency kinds). */
export function useAssetLabels() {
  const { t } = useTranslation();
  const yesNo = (value: boolean | null) => (value === null ? t('assets.values.unknown') : value ? t('assets.values.yes') : t('assets.values.no'));
  return {
    kind: (kind: string) => t(`assets.kinds.${kind}`, { defaultValue: kind }),
    kindPlural: (kind: string) => t(`assets.kindsPlural.${kind}`, { defaultValue: kind }),
    level: (level: string | null) => (level ? t(`assets.levels.${level}`, { defaultValue: level }) : t('assets.values.unknown')),
    criticality: (value: string | null) => (value ? t(`assets.criticalities.${value}`, { defaultValue: value }) : t('assets.values.unknown')),
    otType: (value: string | null) => (value ? t(`assets.otTypes.${value}`, { defaultValue: value }) : t('assets.values.unknown')),
    category: (value: string) => t(`assets.categories.${value}`, { defaultValue: value }),
    dependencyKind: (value: string) => t(`assets.dependencyKinds.${value}`, { defaultValue: value.replace(/_/g, ' ') }),
    nodeType: (value: string) => t(`assets.nodeTypes.${value}`, { defaultValue: value }),
    yesNo,
    hours: (value: number | null) => (value === null ? t('assets.values.unknown') : t('assets.values.hours', { count: value })),
    /** The classification as [letter, level] pairs: availability, integrity, confidentiality (B, I, V). */
    bivParts: (asset: Pick<Asset, 'availability' | 'integrity' | 'confidentiality'>) =>
      (
        [
          ['a', asset.availability],
          ['i', asset.integrity],
          ['c', asset.confidentiality],
        ] as const
      ).map(([part, level]) => ({ part, letter: t(`assets.biv.${part}`), name: t(`assets.biv.${part}Name`), level: level ? t(`assets.levels.${level}`) : '–' })),
    owner: (owner: Asset['owner']) => (owner ? owner.name || owner.email : t('assets.noOwner')),
  };
}

export type AssetLabels = ReturnType<typeof useAssetLabels>;
