import { useTranslation } from 'react-i18next';
import type { NrmProfile } from '../../../api/intake.ts';
import { useSession } from '../../../api/session.ts';
import { CheckboxField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { RadioGroup } from '../fields.tsx';
import type { SectionProps } from './draft.ts';

/**
 * Whether the profile lets the user's organisation pass data on its statutory duty (for the
 * `registration` purpose); other reporters need the person's consent. The server checks again.
 */
function statutoryTaskAllowed(profile: NrmProfile, organisationType: string | undefined): boolean {
  const purpose = profile.consentPurposes?.find((item) => item.code === 'registration');
  if (!purpose) return true;
  const basis = purpose.bases.find((item) => item.basis === 'statutory-task');
  if (!basis) return false;
  return !basis.organisationTypes || (organisationType !== undefined && basis.organisationTypes.includes(organisationType));
}

/** On what basis this information may be shared with the central information point. */
export function LegalBasisSection({ draft, change, errors, profile }: SectionProps) {
  const { t } = useTranslation();
  const session = useSession();
  const statutory = statutoryTaskAllowed(profile, session?.user.organisation.type);
  return (
    <Section title={t('intake.legalBasis.title')}>
      <RadioGroup
        legend={t('intake.legalBasis.legend')}
        name="legalBasis"
        required
        value={draft.legalBasis}
        onChange={(value) => change({ legalBasis: value === 'statutory-task' ? 'statutory-task' : 'consent', consentConfirmed: false })}
        error={errors.legalBasis}
        choices={[
          {
            value: 'statutory-task',
            label: t('intake.legalBasis.statutoryTask'),
            description: statutory ? t('intake.legalBasis.statutoryTaskHint') : t('intake.legalBasis.statutoryTaskNotForYou'),
            disabled: !statutory,
          },
          { value: 'consent', label: t('intake.legalBasis.consent'), description: t('intake.legalBasis.consentHint') },
        ]}
      />
      {draft.legalBasis === 'consent' ? (
        <CheckboxField
          label={t('intake.legalBasis.consentConfirmed')}
          description={t('intake.legalBasis.consentConfirmedHint')}
          checked={draft.consentConfirmed}
          onChange={(event) => change({ consentConfirmed: event.target.checked })}
          error={errors.consentConfirmed}
        />
      ) : null}
    </Section>
  );
}
