import { useMemo } from 'react';
import { qrShape } from './qr.ts';

/** A QR code drawn as one SVG path: crisp at any size, no canvas, nothing downloaded. */
export function QrCode({ value, size = 220, label }: { value: string; size?: number; label: string }) {
  const shape = useMemo(() => qrShape(value), [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="booking-qr"
      width={size}
      height={size}
      viewBox={`0 0 ${shape.viewBox} ${shape.viewBox}`}
      shapeRendering="crispEdges"
      style={{ display: 'block', maxWidth: '100%', height: 'auto', background: '#fff' }}
    >
      <rect width={shape.viewBox} height={shape.viewBox} fill="#fff" />
      <path d={shape.path} fill="#000" />
    </svg>
  );
}
