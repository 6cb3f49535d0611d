/** The few options a planner needs to start a forecast; the API has more (see /docs). */
import { useState, type FormEvent } from 'react';
import type { ForecastLevel } from './types';

export interface ForecastOptions {
  horizonDays: number;
  level: ForecastLevel;
  top: number;
  backtest: boolean;
}

export const defaultOptions: ForecastOptions = { horizonDays: 28, level: 'sku-warehouse', top: 50, backtest: true };

export function ForecastForm({ busy, onRun }: { busy: boolean; onRun: (o: ForecastOptions) => void }) {
  const [o, setO] = useState<ForecastOptions>(defaultOptions);
  const set = <K extends keyof ForecastOptions>(k: K, v: ForecastOptions[K]) => setO((prev) => ({ ...prev, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun(o);
  };
  return (
    <form className="forecast-form" onSubmit={submit} data-testid="forecast-form">
      <div className="field">
        <label htmlFor="fc-horizon">Horizon</label>
        <select id="fc-horizon" className="input" value={o.horizonDays} onChange={(e) => set('horizonDays', Number(e.target.value))} data-testid="forecast-horizon">
          {[7, 14, 28, 56, 91].map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label>Forecast per</label>
        <div className="segmented" role="group" aria-label="Forecast level">
          {(['sku', 'sku-warehouse', 'sku-warehouse-channel'] as const).map((l) => (
            <button key={l} type="button" className={o.level === l ? 'active' : ''} aria-pressed={o.level === l} onClick={() => set('level', l)}>
              {l === 'sku' ? 'SKU' : l === 'sku-warehouse' ? 'SKU × warehouse' : '× channel'}
            </button>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="fc-top">Top SKUs</label>
        <select id="fc-top" className="input" value={o.top} onChange={(e) => set('top', Number(e.target.value))} data-testid="forecast-top">
          {[20, 50, 100, 200].map((n) => (
            <option key={n} value={n}>
              {n}, rest as "other"
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox forecast-backtest">
        <input type="checkbox" checked={o.backtest} onChange={(e) => set('backtest', e.target.checked)} />
        Backtest
      </label>
      <button type="submit" className="btn btn-primary forecast-run" disabled={busy} data-testid="forecast-run">
        {busy ? 'Forecasting…' : 'Run forecast'}
      </button>
    </form>
  );
}
