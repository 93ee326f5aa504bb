/** The DX Pulse mark: a pulse line on the civic blue. Decorative; the name is given beside it. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false" className="app-logo">
      <rect width="64" height="64" rx="14" fill="#0b5cad" />
      <path d="M8 36h12l6-14 8 26 7-18 4 6h11" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
