/**
 * Exact decimal arithmetic for money. Amounts travel as decimal strings; Decimal is only used
 * inside a computation, so quotes stay structured-cloneable and never touch binary floats.
 */
import { Decimal } from 'decimal.js';

/** A private Decimal constructor so other modules' global settings cannot change our rounding. */
export const Dec = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

/** How a destination rounds an amount: to a multiple of `increment` ("0.01", "0.05", "100"). */
export interface Rounding {
  increment: string;
  mode: 'half-up' | 'down' | 'up';
}

export const CENTS: Rounding = { increment: '0.01', mode: 'half-up' };

export function roundTo(value: Dec, rounding: Rounding): Dec {
  const inc = new Dec(rounding.increment);
  const units = value.div(inc);
  const mode = rounding.mode === 'down' ? Dec.ROUND_DOWN : rounding.mode === 'up' ? Dec.ROUND_UP : Dec.ROUND_HALF_UP;
  return units.toDecimalPlaces(0, mode).mul(inc);
}

const minorUnitCache = new Map<string, number>();

/** ISO 4217 minor units (2 for EUR, 0 for JPY), from the runtime's own currency data. */
export function minorUnits(currency: string): number {
  let digits = minorUnitCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnitCache.set(currency, digits);
  }
  return digits;
}

/** Rounds half-up to the currency's minor unit and prints with exactly that many decimals. */
export function formatMoney(value: Dec, currency: string): string {
  return value.toFixed(minorUnits(currency), Dec.ROUND_HALF_UP);
}

/** Prints an already rounded amount with the number of decimals its rounding increment implies. */
export function formatRounded(value: Dec, rounding: Rounding, currency: string): string {
  const incDecimals = new Dec(rounding.increment).decimalPlaces();
  return value.toFixed(Math.max(incDecimals, minorUnits(currency)));
}

/** A percentage printed without trailing zeros: "12", "25.5", "0.3464". */
export function pct(rate: string): string {
  return new Dec(rate).toString();
}
