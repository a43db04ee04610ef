import { useQueries } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createReferral, directoryQuery, type Referral } from '../../../api/cases.ts';
import { ApiError } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { PanelHeading } from '../../../components/PanelHeading.tsx';
import { formErrors } from '../../../lib/problems.ts';
import { useProfileLabels } from '../profile.ts';
import { TextAreaField } from '../ui.tsx';

const FIELDS = ['type', 'organisationId', 'accessProfile', 'note'] as const;

type Props = { caseId: string; mayOverride: boolean; onSaved: (referral: Referral) => void; onCancel: () => void };

/**
 * A new referral: type, receiving organisation (of the types the referral type allows), access
 * profile (defaulted from the type) and a note. A closed consent gate (409 CONSENT_REQUIRED) is
 * explained; only holders of referral:override-consent may then override it, with a reason.
 */
export function ReferralForm({ caseId, mayOverride, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const profile = labels.profile;
  const [v, setV] = useState({ type: '', organisationId: '', accessProfile: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [gate, setGate] = useState<ApiError | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [overrideError, setOverrideError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const type = profile?.referralTypes.find((item) => item.code === v.type);
  const directories = useQueries({ queries: (type?.receivingOrganisationTypes ?? []).map((orgType) => directoryQuery(orgType)) });
  const organisations = directories.flatMap((result) => result.data?.items ?? []);
  const set = (field: keyof typeof v) => (event: { target: { value: string } }) => setV((old) => ({ ...old, [field]: event.target.value }));

  async function send(override: boolean) {
    setError(null);
    setBusy(true);
    try {
      const referral = await createReferral(caseId, {
        type: v.type,
        organisationId: v.organisationId,
        ...(v.accessProfile ? { accessProfile: v.accessProfile } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...(override ? { overrideConsent: { reason: overrideReason.trim() } } : {}),
      });
      onSaved(referral);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.code === 'CONSENT_REQUIRED') {
        setGate(caught);
      } else {
        const split = formErrors(caught, FIELDS);
        setErrors(split.fieldErrors);
        setError(split.formError);
      }
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.type) missing.type = t('form.requiredChoice', { field: t('caseReferrals.type') });
    if (!v.organisationId) missing.organisationId = t('form.requiredChoice', { field: t('caseReferrals.organisation') });
    setErrors(missing);
    setGate(null);
    if (Object.keys(missing).length > 0) return;
    await send(false);
  }

  async function override(event: FormEvent) {
    event.preventDefault();
    if (!overrideReason.trim()) {
      setOverrideError(t('form.requiredField', { field: t('caseReferrals.overrideReason').toLowerCase() }));
      return;
    }
    setOverrideError(undefined);
    await send(true);
  }

  const required = (type?.requiredConsents ?? []).map((purpose) => labels.purpose(purpose)).join(', ');
  const organisationName = organisations.find((organisation) => organisation.id === v.organisationId)?.name ?? '';

  return (
    <div className="baken-panel">
      <form className="utrecht-form baken-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="referral-form-title">
        <PanelHeading id="referral-form-title">{t('caseReferrals.createTitle')}</PanelHeading>
        <ErrorAlert error={error} />
        <SelectField
          label={t('caseReferrals.type')}
          name="type"
          required
          value={v.type}
          onChange={(event) => {
            const next = profile?.referralTypes.find((item) => item.code === event.target.value);
            setGate(null);
            setV((old) => ({ ...old, type: event.target.value, organisationId: '', accessProfile: next?.defaultAccessProfile ?? '' }));
          }}
          error={errors.type}
        >
          <option value="">{t('form.choose')}</option>
          {labels.options(profile?.referralTypes).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </SelectField>
        <SelectField label={t('caseReferrals.organisation')} name="organisationId" required value={v.organisationId} onChange={(event) => { setGate(null); set('organisationId')(event); }} error={errors.organisationId} disabled={!type}>
          <option value="">{t('form.choose')}</option>
          {organisations.map((organisation) => <option key={organisation.id} value={organisation.id}>{organisation.name}</option>)}
        </SelectField>
        <SelectField label={t('caseReferrals.accessProfile')} name="accessProfile" value={v.accessProfile} onChange={set('accessProfile')} error={errors.accessProfile} description={t('caseReferrals.accessProfileHint')}>
          <option value="">{t('caseReferrals.defaultProfile')}</option>
          {(profile?.accessProfiles ?? []).map((item) => (
            <option key={item.code} value={item.code}>
              {labels.accessProfile(item.code)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('caseReferrals.note')} name="note" value={v.note} onChange={set('note')} error={errors.note} />
        {!gate ? (
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={busy}>{t('caseReferrals.create')}</Button>
            <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
          </ButtonGroup>
        ) : null}
      </form>
      {gate ? (
        <div data-testid="consent-gate">
          <Alert type="error">
            <p className="utrecht-paragraph">{t('caseReferrals.consentRequired', { type: labels.referralType(v.type), organisation: organisationName, purposes: required })}</p>
            <p className="utrecht-paragraph baken-muted">{gate.message}</p>
            <p className="utrecht-paragraph">{mayOverride ? t('caseReferrals.consentRequiredOverride') : t('caseReferrals.consentRequiredNoOverride')}</p>
          </Alert>
          {mayOverride ? (
            <form className="utrecht-form baken-form" noValidate onSubmit={(event) => void override(event)} aria-label={t('caseReferrals.overrideTitle')}>
              <TextAreaField label={t('caseReferrals.overrideReason')} name="overrideReason" required value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} error={overrideError} description={t('caseReferrals.overrideHint')} />
              <ButtonGroup>
                <Button type="submit" variant="danger" busy={busy}>{t('caseReferrals.override')}</Button>
                <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
              </ButtonGroup>
            </form>
          ) : (
            <ButtonGroup>
              <Button variant="secondary" onClick={onCancel}>{t('common.close')}</Button>
            </ButtonGroup>
          )}
        </div>
      ) : null}
    </div>
  );
}
