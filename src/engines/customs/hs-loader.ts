/** Reads the shipped HS 2022 CSV once; the only I/O of the HS helper. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildHsIndex, type HsIndex } from './hs-index.js';

export const HS_2022_CSV_PATH = fileURLToPath(new URL('./data/harmonized-system-2022.csv', import.meta.url));

let cached: HsIndex | undefined;

export function loadHs2022Index(path = HS_2022_CSV_PATH): HsIndex {
  if (path !== HS_2022_CSV_PATH) return buildHsIndex(readFileSync(path, 'utf8'));
  return (cached ??= buildHsIndex(readFileSync(path, 'utf8')));
}
