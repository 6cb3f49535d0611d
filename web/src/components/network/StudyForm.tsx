/** The few options a merchant needs to start a study; the API has more (see /docs). */
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/useApi';
import type { Page, Warehouse } from '../../api/types';

export interface StudyOptions {
  maxWarehouses: number;
  zoneBy: 'city' | 'postalCode';
  costPerUnitKm: string;
  candidateCities: number;
  timeLimitSeconds: number;
  mustKeep: string[];
  objective: 'cost' | 'coverage';
  coverageWithinDays?: number;
}

export const defaultOptions: StudyOptions = { maxWarehouses: 5, zoneBy: 'city', costPerUnitKm: '0.004', candidateCities: 15, timeLimitSeconds: 30, mustKeep: [], objective: 'cost', coverageWithinDays: 2 };

export function StudyForm({ busy, currency, onRun }: { busy: boolean; currency: string; onRun: (o: StudyOptions) => void }) {
  const [o, setO] = useState<StudyOptions>(defaultOptions);
  const warehouses = useApi<Page<Warehouse>>('/v1/warehouses', { limit: 100 });
  const set = <K extends keyof StudyOptions>(k: K, v: StudyOptions[K]) => setO((prev) => ({ ...prev, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // the API takes coverageWithinDays only with the coverage objective
    const { coverageWithinDays, ...rest } = o;
    onRun(o.objective === 'coverage' ? o : rest);
  };
  const active = (warehouses.data?.data ?? []).filter((w) => w.active);
  return (
    <form className="network-form" onSubmit={submit} data-testid="network-form">
      <div className="field">
        <label htmlFor="nw-max">Up to</label>
        <select id="nw-max" className="input" value={o.maxWarehouses} onChange={(e) => set('maxWarehouses', Number(e.target.value))} data-testid="network-max">
          {[1, 2, 3, 4, 5, 6, 7, 8].map((k) => (
            <option key={k} value={k}>
              {k} warehouse{k === 1 ? '' : 's'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="nw-objective">Choose sites for</label>
        <select
          id="nw-objective"
          className="input"
          value={o.objective === 'cost' ? 'cost' : `coverage-${o.coverageWithinDays}`}
          onChange={(e) => {
            const v = e.target.value;
            setO((prev) => (v === 'cost' ? { ...prev, objective: 'cost' } : { ...prev, objective: 'coverage', coverageWithinDays: Number(v.slice('coverage-'.length)) }));
          }}
          data-testid="network-objective"
        >
          <option value="cost">lowest cost</option>
          {[1, 2, 3].map((d) => (
            <option key={d} value={`coverage-${d}`}>
              most demand within {d} day{d === 1 ? '' : 's'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label>Demand zones</label>
        <div className="segmented" role="group" aria-label="Demand zones">
          {(['city', 'postalCode'] as const).map((z) => (
            <button key={z} type="button" className={o.zoneBy === z ? 'active' : ''} aria-pressed={o.zoneBy === z} onClick={() => set('zoneBy', z)}>
              {z === 'city' ? 'City' : 'Postal code'}
            </button>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="nw-cost">Transport {currency} / unit·km</label>
        <input id="nw-cost" className="input network-input-num" inputMode="decimal" value={o.costPerUnitKm} onChange={(e) => set('costPerUnitKm', e.target.value)} data-testid="network-cost" />
      </div>
      <div className="field">
        <label htmlFor="nw-cities">Candidate cities</label>
        <input id="nw-cities" className="input network-input-num" type="number" min={0} max={50} value={o.candidateCities} onChange={(e) => set('candidateCities', Number(e.target.value))} />
      </div>
      <div className="field">
        <label htmlFor="nw-time">Solver time</label>
        <select id="nw-time" className="input" value={o.timeLimitSeconds} onChange={(e) => set('timeLimitSeconds', Number(e.target.value))} data-testid="network-time">
          {[5, 10, 30, 60, 120].map((s) => (
            <option key={s} value={s}>
              {s} s
            </option>
          ))}
        </select>
      </div>
      {active.length ? (
        <div className="field">
          <label>Keep open</label>
          <div className="network-keep">
            {active.map((w) => (
              <label key={w.code} className="checkbox" title={w.name}>
                <input
                  type="checkbox"
                  checked={o.mustKeep.includes(w.code)}
                  onChange={(e) => set('mustKeep', e.target.checked ? [...o.mustKeep, w.code] : o.mustKeep.filter((c) => c !== w.code))}
                />
                {w.code}
              </label>
            ))}
          </div>
        </div>
      ) : null}
      <div className="field network-run">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="network-run">
          {busy ? 'Running…' : 'Run study'}
        </button>
      </div>
    </form>
  );
}
