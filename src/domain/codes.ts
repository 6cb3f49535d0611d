/** ISO code checks shared by every input schema. */
import countries from 'i18n-iso-countries';
import { z } from 'zod';

const currencies = new Set(Intl.supportedValuesOf('currency'));

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

export const CountryCode = z.string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code, e.g. US, DE' })
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'DE' });

export const CurrencyCode = z.string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code, e.g. EUR, USD' })
  .meta({ description: 'ISO 4217 currency code', example: 'EUR' });

/** Money as an exact decimal string, never a float. */
export const DecimalString = z.union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .refine((s) => /^-?\d{1,14}(\.\d{1,4})?$/.test(s), { message: 'must be a decimal amount with at most 4 decimals, e.g. "19.90"' })
  .meta({ type: 'string', description: 'exact decimal amount', example: '19.90' });

export const NonNegativeDecimal = DecimalString.refine((s) => !s.startsWith('-'), { message: 'must not be negative' });

export const Latitude = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
export const Longitude = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');

export const HsCode = z.string()
  .transform((s) => s.replace(/[.\s]/g, ''))
  .refine((s) => /^\d{6,10}$/.test(s), { message: 'must be 6 to 10 digits' })
  .meta({ description: 'Harmonized System code, 6 to 10 digits', example: '610910' });

export const Code = z.string().trim().min(1, 'must not be empty').max(64).regex(/^[A-Za-z0-9._\-/]+$/, 'may hold only letters, digits and . _ - /');
