/** numeric(18,4) comes back as "12.5000"; clients want "12.5". */
export function normaliseDecimal(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
