import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { RISK_LEVELS } from '../../../shared/risk-matrix';
import type { RiskLevel } from '../../../shared/risk-matrix';

/**
 * Level colours for charts (SVG fills take no CSS variables here): the theme's green, yellow, orange
 * and red; the light yellow gets a dark outline so every segment stands out against the background.
 */
export const LEVEL_FILL: Record<RiskLevel, string> = {
  laag: '#157b31',
  midden: '#e9c40b',
  hoog: '#ac501b',
  kritiek: '#75151a',
};

export interface ChartRow {
  label: string;
  laag: number;
  midden: number;
  hoog: number;
  kritiek: number;
}

/**
 * Stacked bars of open risks per month by residual level (recharts). Decorative for assistive
 * technology: the page shows the same figures in a table and names the chart with role="img".
 */
export default function TrendChart({ rows, levelLabel }: { rows: ChartRow[]; levelLabel: (level: RiskLevel) => string }) {
  return (
    <BarChart data={rows} width="100%" height={280} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false} responsive>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Legend itemSorter={null} formatter={(value) => <span className="wb-risk-legend">{value}</span>} />
      {RISK_LEVELS.map((level) => (
        <Bar key={level} dataKey={level} name={levelLabel(level)} stackId="residual" fill={LEVEL_FILL[level]} stroke={level === 'midden' ? '#7d6918' : undefined} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
