import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Every page starts with its one h1 and sets the document title (WCAG 2.4.2). The h1 can take focus
 * so that the layout can move focus to it after navigation.
 */
export function Page({ title, lead, children, wide = false }: { title: string; lead?: ReactNode; children?: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className={wide ? 'baken-page baken-page--wide' : 'baken-page'}>
      <h1 className="utrecht-heading-1" tabIndex={-1} data-page-heading>
        {title}
      </h1>
      {lead ? <p className="utrecht-paragraph utrecht-paragraph--lead">{lead}</p> : null}
      {children}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="baken-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
