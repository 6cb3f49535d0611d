/** Choose any series of the hierarchy: a level, then one of its series (searchable by SKU or name). */
import { useMemo, useState } from 'react';
import { LEVEL_LABELS, type ForecastSeries, type SeriesLevel } from './types';

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));

export function SeriesPicker({ series, selected, onSelect }: { series: ForecastSeries[]; selected: ForecastSeries; onSelect: (key: string) => void }) {
  const [filter, setFilter] = useState('');
  const levels = useMemo(() => [...new Set(series.map((s) => s.level))] as SeriesLevel[], [series]);
  const [level, setLevel] = useState<SeriesLevel>(selected.level);
  const options = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return series.filter((s) => s.level === level && (!q || s.label.toLowerCase().includes(q) || s.key.toLowerCase().includes(q)));
  }, [series, level, filter]);
  const pickLevel = (l: SeriesLevel) => {
    setLevel(l);
    const first = series.find((s) => s.level === l && (l !== selected.level ? true : s.key === selected.key));
    if (first) onSelect(first.key);
  };
  return (
    <div className="forecast-picker" data-testid="forecast-picker">
      <div className="field">
        <label htmlFor="fc-level">Level</label>
        <select id="fc-level" className="input" value={level} onChange={(e) => pickLevel(e.target.value as SeriesLevel)} data-testid="forecast-level-select">
          {levels.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]} ({series.filter((s) => s.level === l).length})
            </option>
          ))}
        </select>
      </div>
      {level !== 'total' ? (
        <>
          <div className="field">
            <label htmlFor="fc-filter">Search</label>
            <input id="fc-filter" className="input" placeholder="SKU, name, warehouse…" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="forecast-filter" />
          </div>
          <div className="field forecast-picker-series">
            <label htmlFor="fc-series">Series</label>
            <select id="fc-series" className="input" value={options.some((o) => o.key === selected.key) ? selected.key : ''} onChange={(e) => onSelect(e.target.value)} data-testid="forecast-series-select">
              {options.some((o) => o.key === selected.key) ? null : <option value="">{options.length ? 'Choose a series…' : 'No series match'}</option>}
              {options.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label} — next week {fmt(s.totals.nextWeek)}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
    </div>
  );
}
