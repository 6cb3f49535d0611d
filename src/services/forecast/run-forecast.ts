/**
 * The worker-thread side of a forecast job: forecast every bottom series with the engine, add
 * them up the hierarchy, backtest against seasonal naive, and find the peaks. Pure: no database.
 */
import type { SolveControl } from '../../engines/control.js';
import {
  backtestSeries, forecastBatch, reconcileBottomUp, TOTAL_GROUP,
  type ForecastEvent, type ForecastResult as EngineForecast,
} from '../../engines/forecast/index.js';
import {
  aggregateAccuracy, meanAccuracy, meanMetrics, scoreFold, seasonalNaive,
  type BottomFolds, type FoldForecast,
} from './accuracy-table.js';
import { bottomKey, groupsOf, labelOf, LEVEL_ORDER, levelOf, parseKey, TOTAL_KEY } from './hierarchy.js';
import { findPeaks } from './peaks.js';
import type { ForecastResult, ForecastSeriesResult, Peak, SeriesAccuracy, SeriesLevel } from './schema.js';
import { NONE, OTHER_SKU, type ForecastPayload } from './types.js';

const DAY_MS = 86_400_000;
const HISTORY_SHOWN = 120;
const BACKTEST_ORIGINS = 3;
/** Share of the time budget the forecasts may use; the backtest (three refits per series) gets the rest. */
const FORECAST_SHARE = 0.35;
/** Kept back for adding up, scoring and peaks. */
const RESERVE_MS = 1500;
const CHUNK = 8;

const r2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);
const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10000) / 10000 : 0);
const day = (startMs: number, i: number) => new Date(startMs + i * DAY_MS).toISOString().slice(0, 10);
const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(a.length, to); i++) if (Number.isFinite(a[i])) s += a[i];
  return s;
};

interface Bottom {
  key: string;
  category: string;
  groups: string[];
  /** Daily units over the window; NaN before the SKU existed. */
  values: Float64Array;
  firstDay: number;
  volume: number;
  forecast?: EngineForecast;
  accuracy?: SeriesAccuracy;
  folds?: BottomFolds;
  /** true when the backtest ran out of time before this series. */
  skipped?: boolean;
}

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/**
 * 80 % range of the horizon's total. Adding the daily bounds would assume every day errs the same
 * way (and the zero floors of slow movers would pin the lower end at 0); days are taken as
 * independent instead, the usual assumption of safety-stock formulas.
 */
function horizonRange(f: FoldForecast): { horizonLower80: number; horizonUpper80: number } {
  let total = 0;
  let variance = 0;
  for (let h = 0; h < f.point.length; h++) {
    total += f.point[h];
    const sd = Math.max(0, (f.upper95[h] - f.point[h]) / Z95);
    variance += sd * sd;
  }
  const sd = Math.sqrt(variance);
  return { horizonLower80: r2(Math.max(0, total - Z80 * sd)), horizonUpper80: r2(total + Z80 * sd) };
}

function roundMetrics(a: SeriesAccuracy | null | undefined): SeriesAccuracy | null {
  if (!a) return null;
  const m = (x: SeriesAccuracy['model']) => ({ mase: r4(x.mase), smape: r4(x.smape), rmsse: r4(x.rmsse), bias: r4(x.bias), coverage80: r4(x.coverage80), coverage95: r4(x.coverage95) });
  return { model: m(a.model), seasonalNaive: m(a.seasonalNaive), folds: a.folds };
}

export async function runForecast(payload: ForecastPayload, control: SolveControl = {}): Promise<ForecastResult> {
  const started = performance.now();
  const budgetEnd = started + payload.timeLimitMs;
  const remaining = () => Math.max(1, budgetEnd - performance.now());
  const progress = (fraction: number, message: string) => control.onProgress?.(Math.min(0.99, fraction), message);
  const n = payload.days;
  const H = payload.horizon;
  const startMs = Date.parse(`${payload.start}T00:00:00Z`);
  const period = payload.seasonalPeriods[0] ?? 7;
  const events: ForecastEvent[] = payload.events.map((e) => ({ name: e.name, history: e.history, future: e.future }));
  const eventOn = new Map<number, string>();
  for (const e of payload.events) {
    for (const i of e.history) eventOn.set(i, e.name);
    for (const i of e.future) eventOn.set(n + i, e.name);
  }
  const notes: string[] = [];

  const bottoms: Bottom[] = payload.series.map((s) => {
    const values = new Float64Array(n);
    const firstDay = Math.min(Math.max(0, s.firstDay), n - 1);
    values.fill(NaN, 0, firstDay);
    s.days.forEach((d, k) => { if (d >= 0 && d < n) values[d] += s.units[k]; });
    return { key: bottomKey(s), category: s.category, groups: groupsOf(s), values, firstDay, volume: s.units.reduce((a, b) => a + b, 0) };
  }).sort((a, b) => b.volume - a.volume || a.key.localeCompare(b.key));

  // Forecasts, the largest series first so a short budget leaves only small ones on the fallback.
  progress(0.02, `forecasting ${bottoms.length} series`);
  const forecastEnd = performance.now() + Math.max(1000, (budgetEnd - performance.now() - RESERVE_MS) * (payload.backtest ? FORECAST_SHARE : 1));
  const options = { horizon: H, seasonalPeriods: payload.seasonalPeriods, events, seed: payload.seed };
  for (let i = 0; i < bottoms.length; i += CHUNK) {
    const chunk = bottoms.slice(i, i + CHUNK);
    const results = forecastBatch(chunk.map((b) => ({ id: b.key, values: b.values })), { ...options, timeLimitMs: Math.max(1, forecastEnd - performance.now()) });
    results.forEach((r, k) => {
      // The only missing days given to the engine are those before a SKU's launch, which it
      // drops; its 'missing-values-filled' flag would wrongly tell a planner that gaps were filled.
      if (r.result) r.result.flags = r.result.flags.filter((f) => f !== 'missing-values-filled');
      chunk[k].forecast = r.result ?? {
        point: Array(H).fill(0), lower80: Array(H).fill(0), upper80: Array(H).fill(0), lower95: Array(H).fill(0), upper95: Array(H).fill(0),
        model: 'Zero', families: ['zero'], flags: ['fallback-naive'], observations: 0, eventEffects: [],
      };
    });
    progress(0.02 + (payload.backtest ? 0.33 : 0.9) * Math.min(1, (i + CHUNK) / bottoms.length), `forecast ${Math.min(i + CHUNK, bottoms.length)}/${bottoms.length} series`);
  }
  const timedOut = bottoms.filter((b) => b.forecast!.flags.includes('time-limit')).length;
  if (timedOut) notes.push(`${timedOut} series reached the time limit and got a simpler forecast (flag time-limit); raise timeLimitSeconds or lower top.`);

  // Rolling-origin backtest, per bottom series, our model and seasonal naive on the same origins.
  const slots = new Map<number, number>();
  let skipped = 0;
  if (payload.backtest) {
    for (let i = 0; i < bottoms.length; i++) {
      const b = bottoms[i];
      if (remaining() <= RESERVE_MS) {
        b.skipped = true;
        skipped++;
        continue;
      }
      try {
        const bt = backtestSeries(b.values, { ...options, origins: BACKTEST_ORIGINS, step: H, timeLimitMs: remaining() - RESERVE_MS });
        if (bt.flags.includes('time-limit') && !b.forecast!.flags.includes('time-limit')) {
          b.skipped = true;
          skipped++;
          continue;
        }
        const y = b.values.subarray(b.firstDay);
        const folds: BottomFolds = { id: b.key, groups: b.groups, model: new Map(), naive: new Map() };
        const naiveScores = [];
        for (const f of bt.folds) {
          const rawOrigin = b.firstDay + f.origin;
          const slot = Math.round((n - H - rawOrigin) / H);
          slots.set(slot, rawOrigin);
          const naive = seasonalNaive(y, f.origin, H, period);
          folds.model.set(slot, f);
          folds.naive.set(slot, naive);
          naiveScores.push(scoreFold(y.subarray(0, f.origin), f.actual, naive, period));
        }
        b.folds = folds;
        b.accuracy = { model: bt.summary, seasonalNaive: meanMetrics(naiveScores), folds: bt.folds.length };
      } catch {
        // too short to hold out a horizon: no accuracy for it, it forecasts zero in earlier folds
      }
      if ((i & 7) === 0) progress(0.35 + 0.55 * (i / bottoms.length), `backtest ${i + 1}/${bottoms.length} series`);
    }
    if (skipped) notes.push(`The backtest ran out of time after ${bottoms.length - skipped} of ${bottoms.length} series; aggregates containing the others have no accuracy.`);
  }

  progress(0.92, 'adding up the hierarchy');
  const rec = reconcileBottomUp(bottoms.map((b) => ({ id: b.key, groups: b.groups, forecast: b.forecast! })));
  const aggregates = [rec.total, ...rec.groups];
  const membersOf = new Map(aggregates.map((a) => [a.group === TOTAL_GROUP ? TOTAL_KEY : a.group, a.members]));
  const byKey = new Map(bottoms.map((b) => [b.key, b]));
  const aggregateHistory = new Map<string, Float64Array>();
  for (const [g, members] of membersOf) {
    const h = new Float64Array(n);
    for (const m of members) {
      const v = byKey.get(m)!.values;
      for (let t = 0; t < n; t++) if (v[t] === v[t]) h[t] += v[t];
    }
    aggregateHistory.set(g, h);
  }

  let aggregateScores = new Map<string, SeriesAccuracy>();
  if (payload.backtest && slots.size) {
    const complete = [...membersOf.keys()].filter((g) => membersOf.get(g)!.every((m) => !byKey.get(m)!.skipped));
    const engineGroups = complete.map((g) => (g === TOTAL_KEY ? TOTAL_GROUP : g));
    const scored = aggregateAccuracy(
      bottoms.filter((b) => b.folds).map((b) => b.folds!), [...slots.entries()].map(([slot, origin]) => ({ slot, origin })), H, period,
      engineGroups, (g) => aggregateHistory.get(g === TOTAL_GROUP ? TOTAL_KEY : g)!,
    );
    aggregateScores = new Map([...scored].map(([g, a]) => [g === TOTAL_GROUP ? TOTAL_KEY : g, a]));
  }

  progress(0.95, 'finding peaks');
  const series: ForecastSeriesResult[] = [];
  const shown = Math.min(HISTORY_SHOWN, n);
  const build = (key: string, history: Float64Array, f: FoldForecast, extra: { category: string | null; bottom: boolean; members: number; model: string; flags: string[]; eventEffects: EngineForecast['eventEffects']; accuracy: SeriesAccuracy | null }): ForecastSeriesResult => {
    const p = parseKey(key);
    const combined = new Float64Array(n + H);
    combined.set(history);
    combined.set(f.point, n);
    const peaks = findPeaks(combined, n, startMs, eventOn);
    const flags = [...extra.flags];
    if (peaks.length) flags.push('peak');
    const week = Math.min(7, H);
    return {
      key, level: levelOf(key), label: labelOf(key, payload.names),
      sku: p.sku !== undefined && p.sku !== OTHER_SKU ? p.sku : null,
      category: extra.category,
      warehouse: p.warehouse !== undefined && p.warehouse !== NONE ? p.warehouse : null,
      channel: p.channel !== undefined && p.channel !== NONE ? p.channel : null,
      bottom: extra.bottom, members: extra.members, model: extra.model, flags, eventEffects: extra.eventEffects.map((e) => ({ name: e.name, uplift: r4(e.uplift), occurrences: e.occurrences })),
      totals: {
        last28Days: r2(sum(history, n - 28, n)), nextWeek: r2(sum(f.point, 0, week)), horizon: r2(sum(f.point)),
        ...horizonRange(f),
      },
      history: { start: day(startMs, n - shown), values: Array.from(history.subarray(n - shown), (v) => (v === v ? r2(v) : 0)) },
      forecast: {
        start: day(startMs, n), point: f.point.map(r2), lower80: f.lower80.map(r2), upper80: f.upper80.map(r2), lower95: f.lower95.map(r2), upper95: f.upper95.map(r2),
      },
      peaks,
      accuracy: roundMetrics(extra.accuracy),
    };
  };

  for (const a of aggregates) {
    const key = a.group === TOTAL_GROUP ? TOTAL_KEY : a.group;
    const members = a.members.map((m) => byKey.get(m)!);
    const flags = new Set<string>();
    for (const m of members) for (const fl of m.forecast!.flags) if (fl === 'time-limit' || fl === 'event-effects') flags.add(fl);
    const models = new Set(members.map((m) => m.forecast!.model));
    const categories = new Set(members.map((m) => m.category));
    series.push(build(key, aggregateHistory.get(key)!, a, {
      category: categories.size === 1 ? [...categories][0] : null, bottom: false, members: members.length, flags: [...flags], eventEffects: [],
      model: members.length === 1 ? `sum of 1 series (${[...models][0]})` : `bottom-up sum of ${members.length} series (${models.size} model${models.size === 1 ? '' : 's'})`,
      accuracy: aggregateScores.get(key) ?? null,
    }));
  }
  for (const b of bottoms) {
    const f = b.forecast!;
    series.push(build(b.key, b.values, f, { category: b.category, bottom: true, members: 1, model: f.model, flags: f.flags, eventEffects: f.eventEffects, accuracy: b.accuracy ?? null }));
  }
  // A bottom series that is also an aggregate key (level 'sku' with one category) appears once.
  const seen = new Set<string>();
  const unique = series.filter((s) => (seen.has(s.key) ? false : (seen.add(s.key), true)));
  const volume = new Map(unique.map((s) => [s.key, sum(aggregateHistory.get(s.key) ?? byKey.get(s.key)!.values)]));
  unique.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || volume.get(b.key)! - volume.get(a.key)! || a.key.localeCompare(b.key));

  const bottomLevel: SeriesLevel = payload.level;
  const byLevel = LEVEL_ORDER.map((level) => {
    const list = unique.filter((s) => s.level === level && s.accuracy).map((s) => s.accuracy!);
    return { level, series: list.length, accuracy: meanAccuracy(list) };
  }).filter((x): x is { level: SeriesLevel; series: number; accuracy: SeriesAccuracy } => x.accuracy !== null).map((x) => ({ ...x, accuracy: roundMetrics(x.accuracy)! }));
  const bottomAccuracy = roundMetrics(meanAccuracy(bottoms.filter((b) => b.accuracy).map((b) => b.accuracy!)));
  const total = unique.find((s) => s.key === TOTAL_KEY)!;

  // Peaks worth a headline: the total's, then categories' and SKUs' by the extra units they bring
  // (a ratio alone puts one wholesale order of a slow mover above Black Friday).
  const tagged = (s: ForecastSeriesResult) => s.peaks.map((p) => ({ ...p, key: s.key, label: s.label }));
  const others = unique.filter((s) => s.level === 'category' || (s.level === 'sku' && s.sku !== null)).flatMap(tagged)
    .sort((a, b) => Number(b.kind === 'forecast') - Number(a.kind === 'forecast') || b.units - b.usual - (a.units - a.usual));
  const headline: (Peak & { key: string; label: string })[] = [...tagged(total), ...others].slice(0, 20);

  const zeroSeries = bottoms.filter((b) => b.forecast!.flags.some((f) => f === 'no-history' || f === 'all-zero-history')).length;
  if (zeroSeries) notes.push(`${zeroSeries} series had no sales in the window and forecast zero (flags no-history / all-zero-history).`);
  if (payload.forecastSkus < payload.skuCount)
    notes.push(`The ${payload.forecastSkus} SKUs with most units are forecast one by one; the other ${payload.skuCount - payload.forecastSkus} are summed per category into "other" series.`);
  if (!payload.seasonalPeriods.includes(365)) notes.push('Less than two years of history: weekly seasonality only.');
  const applied = new Set(bottoms.flatMap((b) => b.forecast!.eventEffects.map((e) => e.name)));
  if (applied.size) notes.push(`Calendar effects found in the history and applied: ${[...applied].join(', ')}.`);

  control.onProgress?.(1, 'done');
  return {
    window: { from: payload.start, to: day(startMs, n - 1), days: n },
    horizon: { from: day(startMs, n), to: day(startMs, n + H - 1), days: H },
    seasonalPeriods: payload.seasonalPeriods,
    events: payload.events.map((e) => ({ name: e.name, history: e.history.map((i) => day(startMs, i)), future: e.future.map((i) => day(startMs, n + i)) })),
    summary: {
      horizonDays: H, level: payload.level, series: unique.length, bottomSeries: bottoms.length, skus: payload.skuCount, forecastSkus: payload.forecastSkus,
      totalNextWeek: total.totals.nextWeek, totalHorizon: total.totals.horizon,
      mase: bottomAccuracy ? bottomAccuracy.model.mase : null, seasonalNaiveMase: bottomAccuracy ? bottomAccuracy.seasonalNaive.mase : null,
    },
    accuracy: payload.backtest ? {
      horizon: H, folds: slots.size, bottom: bottomAccuracy, total: total.accuracy,
      byLevel: byLevel.filter((x) => x.level !== bottomLevel || x.series > 0), skipped,
    } : null,
    peaks: headline,
    notes,
    series: unique,
    elapsedMs: Math.round(performance.now() - started),
  };
}
