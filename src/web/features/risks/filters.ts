import { oneOf } from '../../shared/searchParams';
import { RISK_DOMAINS, RISK_LEVELS, RISK_TREATMENTS } from '../../../shared/risk-matrix';
import type { RiskFilters } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The register's filters as they are in the URL. */
export function filtersFromParams(params: URLSearchParams): RiskFilters {
  const id = (key: string) => {
    const value = params.get(key) ?? '';
    return UUID.test(value) ? value : '';
  };
  return {
    domain: oneOf(RISK_DOMAINS, params.get('domain')),
    level: oneOf(RISK_LEVELS, params.get('level')),
    treatment: oneOf(RISK_TREATMENTS, params.get('treatment')),
    status: oneOf(['closed', 'all'] as const, params.get('status')),
    ownerId: id('ownerId'),
    reviewDue: params.get('reviewDue') === 'true',
    q: (params.get('q') ?? '').slice(0, 100),
    target: id('target'),
    dpiaId: id('dpiaId'),
  };
}
