import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryQuery, type ConsentInput, type NrmProfile, type SignalDetail } from '../../../api/cases.ts';
import { CheckboxField, SelectField, TextField } from '../../../components/fields.tsx';
import { basisCode, useProfileLabels } from '../profile.ts';
import { today } from '../ui.tsx';

export type ConsentRowState = { enabled: boolean; legalBasis: string; organisationId: string; givenOn: string; note: string };

/**
 * What registration records at once: the basis for `registration` (statutory task when the
 * signal came with one, else consent) and for `statistics`; other purposes are opt-in.
 */
export function initialConsents(profile: NrmProfile | undefined, signal: SignalDetail): Record<string, ConsentRowState> {
  const result: Record<string, ConsentRowState> = {};
  for (const purpose of profile?.consentPurposes ?? []) {
    const bases = purpose.bases.map(basisCode);
    const preferred = purpose.code === 'registration' && signal.legalBasis && bases.includes(signal.legalBasis) ? signal.legalBasis : (bases[0] ?? '');
    result[purpose.code] = {
      enabled: purpose.code === 'registration' || purpose.code === 'statistics',
      legalBasis: preferred,
      organisationId: '',
      givenOn: today(),
      note: '',
    };
  }
  return result;
}

export function consentsToSend(rows: Record<string, ConsentRowState>): ConsentInput[] {
  return Object.entries(rows)
    .filter(([, row]) => row.enabled && row.legalBasis)
    .map(([purpose, row]) => ({
      purpose,
      legalBasis: row.legalBasis,
      givenOn: row.givenOn || today(),
      ...(row.organisationId ? { organisationId: row.organisationId } : {}),
      ...(row.note.trim() ? { note: row.note.trim() } : {}),
    }));
}

/** One fieldset per consent purpose of the profile: record it now or not, with basis and scope. */
export function ConsentRows({ value, onChange, error }: { value: Record<string, ConsentRowState>; onChange: (value: Record<string, ConsentRowState>) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const organisations = useQuery(directoryQuery());
  const purposes = labels.profile?.consentPurposes ?? [];
  const set = (purpose: string, patch: Partial<ConsentRowState>) => {
    const current = value[purpose] ?? { enabled: false, legalBasis: '', organisationId: '', givenOn: today(), note: '' };
    onChange({ ...value, [purpose]: { ...current, ...patch } });
  };

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset baken-fieldset" aria-describedby={error ? 'registration-consents-error' : undefined} data-testid="registration-consents">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('signalDecision.consentsLegend')}</legend>
      <p className="utrecht-paragraph">{t('signalDecision.consentsLead')}</p>
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id="registration-consents-error">
          {error}
        </div>
      ) : null}
      <div className="baken-subforms">
        {purposes.map((purpose) => {
          const row = value[purpose.code];
          const label = labels.purpose(purpose.code);
          return (
            <fieldset key={purpose.code} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset baken-subform" data-purpose={purpose.code}>
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{label}</legend>
              <CheckboxField label={t('signalDecision.recordPurpose')} name={`consent-${purpose.code}`} checked={!!row?.enabled} onChange={(event) => set(purpose.code, { enabled: event.target.checked })} />
              {row?.enabled ? (
                <>
                  <SelectField label={t('consents.legalBasis')} name={`basis-${purpose.code}`} required value={row.legalBasis} onChange={(event) => set(purpose.code, { legalBasis: event.target.value })}>
                    <option value="">{t('form.choose')}</option>
                    {purpose.bases.map(basisCode).map((basis) => (
                      <option key={basis} value={basis}>{t(`caseCommon.bases.${basis}`, { defaultValue: basis })}</option>
                    ))}
                  </SelectField>
                  {organisations.data ? (
                    <SelectField label={t('consents.organisation')} name={`organisation-${purpose.code}`} value={row.organisationId} onChange={(event) => set(purpose.code, { organisationId: event.target.value })} description={t('consents.organisationHint')}>
                      <option value="">{t('consents.anyOrganisation')}</option>
                      {organisations.data.items.map((organisation) => (
                        <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
                      ))}
                    </SelectField>
                  ) : null}
                  <TextField label={t('consents.givenOn')} name={`givenOn-${purpose.code}`} type="date" required value={row.givenOn} onChange={(event) => set(purpose.code, { givenOn: event.target.value })} />
                  <TextField label={t('consents.note')} name={`note-${purpose.code}`} autoComplete="off" value={row.note} onChange={(event) => set(purpose.code, { note: event.target.value })} />
                </>
              ) : null}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
