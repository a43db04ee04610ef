import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { codeOptions, type SectionProps } from './draft.ts';

/** An estimated age under 18 ticks "presumed minor" (it can be unticked again). */
function ageChange(value: string): { estimatedAge: string; presumedMinor?: boolean } {
  const age = Number(value);
  return value.trim() !== '' && Number.isInteger(age) && age < 18 ? { estimatedAge: value, presumedMinor: true } : { estimatedAge: value };
}

/** About the person: as much or as little as is known. */
export function PersonSection({ draft, change, errors, profile }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('intake.person.title')}>
      <p className="utrecht-paragraph">{t('intake.person.lead')}</p>
      <div className="baken-intake-columns">
        <TextField label={t('intake.person.name')} name="name" autoComplete="off" value={draft.name} onChange={(event) => change({ name: event.target.value })} error={errors['person.name']} />
        <TextField
          label={t('intake.person.aliases')}
          name="aliases"
          autoComplete="off"
          description={t('intake.person.aliasesHint')}
          value={draft.aliases}
          onChange={(event) => change({ aliases: event.target.value })}
          error={errors['person.aliases']}
        />
        <TextField
          label={t('intake.person.dateOfBirth')}
          name="dateOfBirth"
          type="date"
          value={draft.dateOfBirth}
          onChange={(event) => change({ dateOfBirth: event.target.value })}
          error={errors['person.dateOfBirth']}
        />
        <TextField
          label={t('intake.person.estimatedAge')}
          name="estimatedAge"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          description={t('intake.person.estimatedAgeHint')}
          value={draft.estimatedAge}
          onChange={(event) => change(ageChange(event.target.value))}
          error={errors['person.estimatedAge']}
        />
      </div>
      <CheckboxField
        label={t('intake.person.presumedMinor')}
        description={t('intake.person.presumedMinorHint')}
        checked={draft.presumedMinor}
        onChange={(event) => change({ presumedMinor: event.target.checked })}
        error={errors['person.presumedMinor']}
      />
      <div className="baken-intake-columns">
        <SelectField label={t('intake.person.sex')} name="sex" value={draft.sex} onChange={(event) => change({ sex: event.target.value })} error={errors['person.sex']}>
          <option value="">{t('intake.notFilled')}</option>
          {codeOptions(profile.sexes, (code) => t(`intake.sexes.${code}`, { defaultValue: code }), i18n.language).map((sex) => (
            <option key={sex.code} value={sex.code}>
              {sex.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('intake.person.citizenships')}
          name="citizenships"
          autoComplete="off"
          description={t('intake.person.citizenshipsHint')}
          disabled={draft.citizenshipUnknown}
          value={draft.citizenshipUnknown ? '' : draft.citizenships}
          onChange={(event) => change({ citizenships: event.target.value })}
          error={errors['person.citizenships']}
        />
      </div>
      <CheckboxField label={t('intake.person.citizenshipUnknown')} checked={draft.citizenshipUnknown} onChange={(event) => change({ citizenshipUnknown: event.target.checked })} />
      <div className="baken-intake-columns">
        <TextField
          label={t('intake.person.languages')}
          name="languages"
          autoComplete="off"
          description={t('intake.person.languagesHint')}
          value={draft.languages}
          onChange={(event) => change({ languages: event.target.value })}
          error={errors['person.languages']}
        />
      </div>
      <CheckboxField
        label={t('intake.person.interpreterNeeded')}
        checked={draft.interpreterNeeded}
        onChange={(event) => change({ interpreterNeeded: event.target.checked })}
        error={errors['person.interpreterNeeded']}
      />
    </Section>
  );
}
