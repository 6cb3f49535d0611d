/** Shapes of the forecast API (`/v1/forecasts`), as the console reads them. */

export type SeriesLevel = 'total' | 'category' | 'warehouse' | 'channel' | 'sku' | 'sku-warehouse' | 'sku-warehouse-channel';
export type ForecastLevel = 'sku' | 'sku-warehouse' | 'sku-warehouse-channel';

export interface AccuracyMetrics {
  mase: number;
  smape: number;
  rmsse: number;
  bias: number;
  coverage80: number;
  coverage95: number;
}

export interface SeriesAccuracy {
  model: AccuracyMetrics;
  seasonalNaive: AccuracyMetrics;
  folds: number;
}

export interface Peak {
  date: string;
  kind: 'history' | 'forecast';
  units: number;
  usual: number;
  ratio: number;
  event: string | null;
}

export interface ForecastSeries {
  key: string;
  level: SeriesLevel;
  label: string;
  sku: string | null;
  category: string | null;
  warehouse: string | null;
  channel: string | null;
  bottom: boolean;
  members: number;
  model: string;
  flags: string[];
  eventEffects: { name: string; uplift: number; occurrences: number }[];
  totals: { last28Days: number; nextWeek: number; horizon: number; horizonLower80: number; horizonUpper80: number };
  history: { start: string; values: number[] };
  forecast: { start: string; point: number[]; lower80: number[]; upper80: number[]; lower95: number[]; upper95: number[] };
  peaks: Peak[];
  accuracy: SeriesAccuracy | null;
}

export interface ForecastSummary {
  horizonDays: number;
  level: ForecastLevel;
  series: number;
  bottomSeries: number;
  skus: number;
  forecastSkus: number;
  totalNextWeek: number;
  totalHorizon: number;
  mase: number | null;
  seasonalNaiveMase: number | null;
}

export interface ForecastResult {
  window: { from: string; to: string; days: number };
  horizon: { from: string; to: string; days: number };
  seasonalPeriods: number[];
  events: { name: string; history: string[]; future: string[] }[];
  summary: ForecastSummary;
  accuracy: {
    horizon: number;
    folds: number;
    bottom: SeriesAccuracy | null;
    total: SeriesAccuracy | null;
    byLevel: { level: SeriesLevel; series: number; accuracy: SeriesAccuracy }[];
    skipped: number;
  } | null;
  peaks: (Peak & { key: string; label: string })[];
  notes: string[];
  series: ForecastSeries[];
  elapsedMs: number;
}

export interface ForecastJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  result: ForecastResult | null;
  error: { message?: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ForecastListItem {
  id: string;
  status: ForecastJob['status'];
  progress: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
  summary: ForecastSummary | null;
}

export interface InventoryLevel {
  sku: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  reorderPoint: number | null;
  updatedAt: string;
}

export const LEVEL_LABELS: Record<SeriesLevel, string> = {
  total: 'Total',
  category: 'Category',
  warehouse: 'Warehouse',
  channel: 'Channel',
  sku: 'SKU',
  'sku-warehouse': 'SKU × warehouse',
  'sku-warehouse-channel': 'SKU × warehouse × channel',
};

export const FLAG_LABELS: Record<string, string> = {
  'no-history': 'no sales: zero forecast',
  'all-zero-history': 'no sales: zero forecast',
  'missing-values-filled': 'gaps filled',
  'negative-values-clipped': 'returns clipped',
  'short-history': 'short history: simple fallback',
  'season-longer-than-history': 'too short for a season',
  intermittent: 'intermittent demand',
  'time-limit': 'time limit: simpler model',
  'history-truncated': 'old history left out',
  'fallback-naive': 'fallback: naive',
  'event-effects': 'calendar events applied',
  peak: 'peaks',
};

export const dayMs = 86_400_000;
export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
