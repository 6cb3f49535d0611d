/**
 * Readers for the public forecasting benchmarks: M4 wide CSV (train file plus the matching
 * `*-test.csv`), Monash `.tsf` (the last H points are held out) and the M5 sales CSV (`d_1`..`d_N`
 * columns; the last H days are held out).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ForecastEvent } from '../../src/engines/forecast/index.js';

export interface BenchSeries {
  id: string;
  train: number[];
  test: number[];
  /** Calendar events (M5: named events and the state's SNAP days), positions on train then test. */
  events?: ForecastEvent[];
}

export interface BenchDataset {
  name: string;
  format: 'm4' | 'tsf' | 'm5';
  /** Frequency as declared or inferred from the file name ("hourly", "daily", "weekly", ...). */
  frequency: string;
  series: BenchSeries[];
}

function unquote(field: string): string {
  const f = field.trim();
  return f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f;
}

function parseNumbers(fields: string[]): number[] {
  const values: number[] = [];
  for (const field of fields) {
    const f = unquote(field);
    if (f === '' || f === 'NA') continue;
    values.push(f === '?' ? NaN : Number(f));
  }
  return values;
}

function rows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

export function readM4(trainPath: string, horizon: number): BenchDataset {
  const testPath = trainPath.replace(/-train\.csv$/i, '-test.csv');
  if (testPath === trainPath || !existsSync(testPath)) throw new Error(`M4 test file not found beside ${trainPath} (expected ${testPath})`);
  const tests = new Map<string, number[]>();
  for (const row of rows(readFileSync(testPath, 'utf8')).slice(1)) tests.set(unquote(row[0]), parseNumbers(row.slice(1)));
  const series: BenchSeries[] = [];
  for (const row of rows(readFileSync(trainPath, 'utf8')).slice(1)) {
    const id = unquote(row[0]);
    const test = tests.get(id);
    if (!test) throw new Error(`series ${id} has no test values in ${testPath}`);
    if (test.length < horizon) throw new Error(`series ${id} has ${test.length} test values, fewer than the horizon ${horizon}`);
    series.push({ id, train: parseNumbers(row.slice(1)), test: test.slice(0, horizon) });
  }
  const name = basename(trainPath).replace(/-train\.csv$/i, '');
  return { name: `M4-${name}`, format: 'm4', frequency: name.toLowerCase(), series };
}

export function readTsf(path: string, horizon: number): BenchDataset {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  let frequency = 'unknown';
  let relation = basename(path).replace(/\.tsf$/i, '');
  let inData = false;
  const series: BenchSeries[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!inData) {
      const lower = trimmed.toLowerCase();
      if (lower.startsWith('@frequency')) frequency = trimmed.split(/\s+/)[1] ?? frequency;
      else if (lower.startsWith('@relation')) relation = trimmed.split(/\s+/)[1] ?? relation;
      else if (lower.startsWith('@data')) inData = true;
      continue;
    }
    const parts = trimmed.split(':');
    const values = parseNumbers(parts[parts.length - 1].split(','));
    if (values.length <= horizon) throw new Error(`series ${parts[0]} has ${values.length} values, not more than the horizon ${horizon}`);
    series.push({ id: parts[0], train: values.slice(0, values.length - horizon), test: values.slice(values.length - horizon) });
  }
  return { name: relation, format: 'tsf', frequency: frequency.toLowerCase(), series };
}

/** Day index (0-based, d_1 → 0) of each named event and of each state's SNAP days, from the M5 calendar. */
function readM5Calendar(path: string): { named: Map<string, number[]>; snap: Map<string, number[]> } | null {
  if (!existsSync(path)) return null;
  const all = rows(readFileSync(path, 'utf8'));
  const header = all[0].map(unquote);
  const column = (name: string) => header.indexOf(name);
  const dayColumn = column('d');
  const named = new Map<string, number[]>();
  const snap = new Map<string, number[]>();
  for (const row of all.slice(1)) {
    const day = Number(unquote(row[dayColumn]).replace(/^d_/, '')) - 1;
    for (const name of ['event_name_1', 'event_name_2']) {
      const event = unquote(row[column(name)] ?? '');
      if (event) named.set(event, [...(named.get(event) ?? []), day]);
    }
    header.forEach((h, c) => {
      if (h.startsWith('snap_') && unquote(row[c]) === '1') {
        const state = h.slice(5);
        snap.set(state, [...(snap.get(state) ?? []), day]);
      }
    });
  }
  return { named, snap };
}

export function readM5(path: string, horizon: number): BenchDataset {
  const all = rows(readFileSync(path, 'utf8'));
  const header = all[0].map(unquote);
  const firstDay = header.findIndex((h) => /^d_\d+$/.test(h));
  if (firstDay < 0) throw new Error(`${path} has no d_1.. columns`);
  const stateColumn = header.indexOf('state_id');
  const calendar = readM5Calendar(join(dirname(path), 'calendar.csv'));
  const series = all.slice(1).map((row) => {
    const values = parseNumbers(row.slice(firstDay));
    const n = values.length - horizon;
    const s: BenchSeries = { id: unquote(row[0]), train: values.slice(0, n), test: values.slice(n) };
    if (calendar) {
      const toEvent = (name: string, days: number[]): ForecastEvent => ({
        name,
        history: days.filter((d) => d >= 0 && d < n),
        future: days.filter((d) => d >= n && d < n + horizon).map((d) => d - n),
      });
      s.events = [...calendar.named].map(([name, days]) => toEvent(name, days));
      const state = stateColumn >= 0 ? unquote(row[stateColumn]) : '';
      const snapDays = calendar.snap.get(state);
      if (snapDays) s.events.push(toEvent(`SNAP ${state}`, snapDays));
    }
    return s;
  });
  return { name: `M5-${basename(dirname(path)).replace(/^m5-?/i, '') || 'sales'}`, format: 'm5', frequency: 'daily', series };
}

/** Picks the reader from the file's extension and header. */
export function readDataset(path: string, horizon: number): BenchDataset {
  if (/\.tsf$/i.test(path)) return readTsf(path, horizon);
  const header = readFileSync(path, 'utf8').slice(0, 2000).split(/\r?\n/)[0];
  if (/(^|,)"?d_1"?(,|$)/.test(header)) return readM5(path, horizon);
  if (/-train\.csv$/i.test(path)) return readM4(path, horizon);
  throw new Error(`unrecognised dataset ${path}: expected an M4 *-train.csv, a Monash .tsf or an M5 sales CSV`);
}

export function datasetFileName(dataset: BenchDataset): string {
  return join(`${dataset.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.csv`);
}
