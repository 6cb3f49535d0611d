/** The few choices a dispatcher makes for a day's plan; the API takes more (see /docs). */
import { useEffect, useState, type FormEvent } from 'react';
import { speedPresets, type RoutingDepot, type SpeedPreset } from './types';

export interface PlanChoice {
  depotCode: string;
  date: string;
  days: number;
  vehicles: number;
  timeLimitSeconds: number;
  /** Every van's break; 0 for none. */
  breakMinutes: number;
  /** The break starts between these local times. */
  breakFrom: string;
  breakTo: string;
  /** How the road estimate turns km into time. */
  speed: SpeedPreset;
}

export function PlanForm({ depots, busy, initial, onPlan }: { depots: RoutingDepot[]; busy: boolean; initial?: Partial<PlanChoice>; onPlan: (c: PlanChoice) => void }) {
  const first = depots.find((d) => d.code === initial?.depotCode) ?? depots.find((d) => d.latestOrderDate) ?? depots[0];
  const [c, setC] = useState<PlanChoice>({
    depotCode: first?.code ?? '',
    date: initial?.date ?? first?.latestOrderDate ?? new Date().toISOString().slice(0, 10),
    days: initial?.days ?? 7,
    vehicles: initial?.vehicles ?? 4,
    timeLimitSeconds: initial?.timeLimitSeconds ?? 10,
    breakMinutes: initial?.breakMinutes ?? 0,
    breakFrom: initial?.breakFrom ?? '12:00',
    breakTo: initial?.breakTo ?? '14:00',
    speed: initial?.speed ?? 'constant',
  });
  // The depots arrive after the first render; start on the first with orders.
  useEffect(() => {
    if (!c.depotCode && first) setC((p) => ({ ...p, depotCode: first.code, date: first.latestOrderDate ?? p.date }));
  }, [first, c.depotCode]);
  const set = <K extends keyof PlanChoice>(k: K, v: PlanChoice[K]) => setC((p) => ({ ...p, [k]: v }));
  const pickDepot = (code: string) => {
    const d = depots.find((x) => x.code === code);
    setC((p) => ({ ...p, depotCode: code, date: d?.latestOrderDate ?? p.date }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPlan(c);
  };
  return (
    <form className="last-mile-form" onSubmit={submit} data-testid="last-mile-form">
      <div className="field">
        <label htmlFor="lm-depot">Depot</label>
        <select id="lm-depot" className="input" value={c.depotCode} onChange={(e) => pickDepot(e.target.value)} data-testid="last-mile-depot-select">
          {depots.map((d) => (
            <option key={d.code} value={d.code}>
              {d.code} · {d.city}, {d.country}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lm-date">Delivery date</label>
        <input id="lm-date" className="input" type="date" value={c.date} onChange={(e) => set('date', e.target.value)} required data-testid="last-mile-date" />
      </div>
      <div className="field">
        <label htmlFor="lm-days">Orders of</label>
        <select id="lm-days" className="input" value={c.days} onChange={(e) => set('days', Number(e.target.value))} data-testid="last-mile-days">
          {[1, 2, 3, 5, 7, 14].map((d) => (
            <option key={d} value={d}>
              {d === 1 ? 'that day' : `the last ${d} days`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lm-vans">Vans</label>
        <input id="lm-vans" className="input last-mile-input-num" type="number" min={1} max={200} value={c.vehicles} onChange={(e) => set('vehicles', Number(e.target.value))} data-testid="last-mile-vans" />
      </div>
      <div className="field">
        <label htmlFor="lm-time">Solver time</label>
        <select id="lm-time" className="input" value={c.timeLimitSeconds} onChange={(e) => set('timeLimitSeconds', Number(e.target.value))} data-testid="last-mile-time">
          {[2, 5, 10, 30, 60].map((s) => (
            <option key={s} value={s}>
              {s} s
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lm-speed">Driving speed</label>
        <select id="lm-speed" className="input" value={c.speed} onChange={(e) => set('speed', e.target.value as SpeedPreset)} title="For the road estimate: the urban profile drives a leg's first 2 km at 20 km/h, the next 8 at 35 and the rest at 60" data-testid="last-mile-speed">
          {(Object.keys(speedPresets) as SpeedPreset[]).map((k) => (
            <option key={k} value={k}>
              {speedPresets[k].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lm-break">Driver break</label>
        <div className="last-mile-break-fields">
          <select id="lm-break" className="input" value={c.breakMinutes} onChange={(e) => set('breakMinutes', Number(e.target.value))} data-testid="last-mile-break">
            {[0, 15, 30, 45, 60].map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'none' : `${m} min`}
              </option>
            ))}
          </select>
          {c.breakMinutes > 0 ? (
            <>
              <span className="muted small">starting</span>
              <input className="input" type="time" aria-label="Break starts from" value={c.breakFrom} onChange={(e) => set('breakFrom', e.target.value)} required data-testid="last-mile-break-from" />
              <span className="muted small">to</span>
              <input className="input" type="time" aria-label="Break starts by" value={c.breakTo} min={c.breakFrom} onChange={(e) => set('breakTo', e.target.value)} required data-testid="last-mile-break-to" />
            </>
          ) : null}
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy || !c.depotCode} data-testid="last-mile-plan">
        {busy ? 'Planning…' : 'Plan routes'}
      </button>
    </form>
  );
}
