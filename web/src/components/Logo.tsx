/** A compass-rose mark: portolan charts were drawn around compass roses. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
      <rect width="32" height="32" rx="8" fill="#1d4ed8" />
      <path d="M16 4l3.2 12L16 28l-3.2-12z" fill="#fff" />
      <path d="M4 16l12-3.2L28 16l-12 3.2z" fill="#fff" opacity="0.55" />
      <circle cx="16" cy="16" r="2" fill="#1d4ed8" />
    </svg>
  );
}
