import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '../../shared/format';
import type { HistoryEntry } from './api';

/** A risk's inherent and residual score over time (oldest first); the page shows the same in a table. */
export default function ScoreLine({ items, inherentLabel, residualLabel }: { items: HistoryEntry[]; inherentLabel: string; residualLabel: string }) {
  const rows = items.map((item) => ({ at: formatDateTime(item.at), inherent: item.inherent.score, residual: item.residual.score }));
  return (
    <LineChart data={rows} width="100%" height={200} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false} responsive>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="at" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Legend itemSorter={null} formatter={(value) => <span className="wb-risk-legend">{value}</span>} />
      <Line type="stepAfter" dataKey="inherent" name={inherentLabel} stroke="#ac501b" strokeDasharray="6 3" dot isAnimationActive={false} />
      <Line type="stepAfter" dataKey="residual" name={residualLabel} stroke="#154273" strokeWidth={2} dot isAnimationActive={false} />
    </LineChart>
  );
}
