import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ids sort by creation time (48-bit millisecond prefix, like a ULID) so that cursor pagination
 * by id also walks records in the order they were created.
 */
export function newId(prefix: string, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let rand = '';
  for (let i = 0; i < 10; i++) rand += ALPHABET[bytes[i] & 31];
  return `${prefix}_${time}${rand}`;
}
