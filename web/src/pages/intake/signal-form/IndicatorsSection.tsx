import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/Page.tsx';
import { CheckboxGroup } from '../fields.tsx';
import { profileLabel, type SectionProps } from './draft.ts';

/** The profile's indicators as a checklist, one group per category. */
export function IndicatorsSection({ draft, change, errors, profile }: SectionProps) {
  const { t, i18n } = useTranslation();
  const categories = profile.indicatorCategories ?? [];
  const inCategory = (codes: string[]) => new Set(codes);
  return (
    <Section title={t('intake.indicators.title')}>
      <p className="utrecht-paragraph">{t('intake.indicators.lead')}</p>
      {errors.indicators ? (
        <p className="utrecht-form-field-error-message" id="indicators-error">
          {errors.indicators}
        </p>
      ) : null}
      <div className="baken-intake-columns" data-testid="indicators">
        {categories.map((category) => {
          const codes = inCategory(category.items.map((item) => item.code));
          return (
            <CheckboxGroup
              key={category.code}
              nested
              legend={profileLabel(category.label, i18n.language)}
              choices={category.items.map((item) => ({ value: item.code, label: profileLabel(item.label, i18n.language) }))}
              values={draft.indicators.filter((code) => codes.has(code))}
              onChange={(values) => change({ indicators: [...draft.indicators.filter((code) => !codes.has(code)), ...values] })}
            />
          );
        })}
      </div>
      <p className="utrecht-paragraph baken-muted" role="status">
        {t('intake.indicators.count', { count: draft.indicators.length })}
      </p>
    </Section>
  );
}
