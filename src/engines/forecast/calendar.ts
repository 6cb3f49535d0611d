/** Seasonal periods that suit a sampling frequency, for callers that know only "daily" or "hourly". */

export type SamplingFrequency = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/**
 * Hour of day and hour of week; day of week, plus day of year once three years exist (two cycles
 * are too few to tell a yearly pattern from noise); week of year; month of year; quarter of year.
 */
export function seasonalPeriodsFor(frequency: SamplingFrequency, historyLength = Infinity): number[] {
  switch (frequency) {
    case 'hourly':
      return [24, 168];
    case 'daily':
      return historyLength >= 3 * 365 ? [7, 365] : [7];
    case 'weekly':
      return [52];
    case 'monthly':
      return [12];
    case 'quarterly':
      return [4];
    case 'yearly':
      return [];
  }
}
