/**
 * The twelve capabilities of PRODUCT.md, in order. `path` is relative to /o/:org.
 * `available` capabilities have real pages; the others route to the "not yet available" page.
 * Titles and one-sentence descriptions live in i18n under `capabilities.<key>`.
 */
export interface Capability {
  key: string;
  path: string;
  available: boolean;
}

export const CAPABILITIES: Capability[] = [
  { key: 'organisation', path: '', available: true },
  { key: 'compliance', path: 'compliance', available: true },
  { key: 'risks', path: 'risicos', available: true },
  { key: 'assets', path: 'assets', available: true },
  { key: 'incidents', path: 'incidenten', available: true },
  { key: 'scans', path: 'scans', available: false },
  { key: 'advisories', path: 'advisories', available: false },
  { key: 'preparedness', path: 'voorbereiding', available: false },
  { key: 'harmfulContent', path: 'online-content', available: false },
  { key: 'residents', path: 'inwoners', available: false },
  { key: 'governance', path: 'sturing', available: false },
  { key: 'capacity', path: 'capaciteit', available: false },
];
