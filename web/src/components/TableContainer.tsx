import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on small screens; the scroll container is focusable and labelled so
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableContainer({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A focusable, labelled region is the documented pattern for keyboard-scrollable containers.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="utrecht-table-container baken-table-container" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function StatusBadge({ tone, children }: { tone: 'success' | 'warning' | 'danger' | 'neutral' | 'inactive'; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${tone}`}>{children}</span>;
}
