import type { ReactNode } from 'react';
import type { Visual } from '../labels';

/**
 * A small shape per kind of node, so the kind is not told by colour alone: circle = process,
 * square = application, stacked bars = system, cylinder = data set, pin = location, hexagon = OT,
 * diamond = supplier, triangle = joint arrangement, house = gemeente. Decorative: the text beside it names the kind.
 */
export function TypeIcon({ visual, className }: { visual: Visual; className?: string }) {
  return (
    <svg className={className ?? 'wb-type-icon'} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {SHAPES[visual]}
    </svg>
  );
}

const SHAPES: Record<Visual, ReactNode> = {
  proces: <circle cx="8" cy="8" r="6.5" fill="currentColor" />,
  applicatie: <rect x="2" y="2" width="12" height="12" fill="currentColor" />,
  systeem: (
    <>
      <rect x="1.5" y="2" width="13" height="5" fill="currentColor" />
      <rect x="1.5" y="9" width="13" height="5" fill="currentColor" />
    </>
  ),
  gegevensverzameling: (
    <>
      <rect x="2.5" y="4" width="11" height="9" fill="currentColor" />
      <ellipse cx="8" cy="4" rx="5.5" ry="2.5" fill="currentColor" />
      <ellipse cx="8" cy="13" rx="5.5" ry="2.5" fill="currentColor" />
    </>
  ),
  locatie: <path d="M8 15 C3 9 2.5 7.5 2.5 6 A5.5 5.5 0 0 1 13.5 6 C13.5 7.5 13 9 8 15 Z" fill="currentColor" />,
  ot: <polygon points="8,1 14.5,4.5 14.5,11.5 8,15 1.5,11.5 1.5,4.5" fill="currentColor" />,
  asset: <rect x="2" y="2" width="12" height="12" rx="4" fill="currentColor" />,
  supplier: <polygon points="8,1 15,8 8,15 1,8" fill="currentColor" />,
  joint_arrangement: <polygon points="8,1.5 15,14.5 1,14.5" fill="currentColor" />,
  gemeente: <polygon points="8,1 15,7 13,7 13,15 3,15 3,7 1,7" fill="currentColor" />,
};
