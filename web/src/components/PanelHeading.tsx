import { useEffect, useRef } from 'react';

/** The heading of a panel that just opened; it takes focus so keyboard users land in the panel. */
export function PanelHeading({ id, children }: { id: string; children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 className="utrecht-heading-2" id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
