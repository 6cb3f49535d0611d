/** ISO 3166 code conversions: world-atlas names countries by numeric code, the API by alpha-2. */
import codes from 'i18n-iso-countries/codes.json';

const numericToAlpha2Table = new Map<string, string>();
const alpha2ToNumericTable = new Map<string, string>();
for (const [alpha2, , numeric] of codes) {
  numericToAlpha2Table.set(numeric, alpha2);
  alpha2ToNumericTable.set(alpha2, numeric);
}

/** Natural Earth shapes that have no ISO numeric code, keyed by their name in world-atlas. */
const unnumbered: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

export function numericToAlpha2(numeric: string | number | undefined, name?: string): string | undefined {
  if (numeric === undefined || numeric === '') return name ? unnumbered[name] : undefined;
  return numericToAlpha2Table.get(String(numeric).padStart(3, '0'));
}

export function alpha2ToNumeric(alpha2: string): string | undefined {
  return alpha2ToNumericTable.get(alpha2.toUpperCase());
}

let displayNames: Intl.DisplayNames | undefined;
/** English country name for an alpha-2 code, falling back to the code itself. */
export function countryName(alpha2: string): string {
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return displayNames.of(alpha2.toUpperCase()) ?? alpha2;
  } catch {
    return alpha2;
  }
}
