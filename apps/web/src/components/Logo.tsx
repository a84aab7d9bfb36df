/** The platform mark: a white U (union) on the union red, as in the favicon. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#fff" />
      <path d="M16 14h9v20a7 7 0 0 0 14 0V14h9v20a16 16 0 0 1-32 0z" fill="#b3201e" />
      <rect x="16" y="54" width="32" height="5" rx="2.5" fill="#b3201e" />
    </svg>
  );
}
