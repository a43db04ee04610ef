import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionInput, Registration, SignalDetail } from '../../../api/cases.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/fields.tsx';
import { useProfileLabels } from '../profile.ts';
import { CheckboxGroup, TextAreaField } from '../ui.tsx';
import { ConsentRows, consentsToSend, initialConsents, type ConsentRowState } from './ConsentRows.tsx';

const LOCATIONS = ['in-country', 'abroad', 'both', 'unknown'] as const;
const SEXES = ['female', 'male', 'other', 'unknown'] as const;

type Props = { signal: SignalDetail; busy: boolean; onSubmit: (body: DecisionInput) => Promise<Record<string, string> | undefined> };

const split = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);
const opt = (text: string) => (text.trim() ? text.trim() : undefined);

/** Registration as presumed victim, prefilled from the signal; the registrar corrects and completes. */
export function RegistrationForm(props: Props) {
  const labels = useProfileLabels();
  if (!labels.profile) return labels.error ? <ErrorAlert error={labels.error} /> : <Loading />;
  return <RegistrationFields {...props} />;
}

function RegistrationFields({ signal, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const profile = labels.profile;
  const person = signal.person ?? {};
  const [v, setV] = useState({
    name: person.name ?? '',
    aliases: (person.aliases ?? []).join(', '),
    dateOfBirth: person.dateOfBirth ?? '',
    estimatedAge: String(person.estimatedAge ?? signal.estimatedAge ?? ''),
    presumedMinor: !!(person.presumedMinor ?? signal.presumedMinor ?? signal.minorInvolved),
    sex: person.sex ?? '',
    citizenships: (person.citizenships ?? []).join(', '),
    languages: (person.languages ?? []).join(', '),
    interpreterNeeded: !!person.interpreterNeeded,
    safeContactChannel: person.safeContactChannel ?? '',
    contactDetails: person.contactDetails ?? '',
    safetyNotes: person.safetyNotes ?? '',
    forms: signal.forms,
    sector: signal.sector ?? '',
    exploitationLocation: '',
    place: signal.place ?? '',
    periodFrom: '',
    periodTo: '',
    description: signal.description ?? '',
    policeReportFiled: false,
    cooperating: false,
    suspectsCount: '',
    investigationNotes: '',
    region: signal.region ?? '',
    dossierType: '',
  });
  const [consents, setConsents] = useState<Record<string, ConsentRowState>>(() => initialConsents(profile, signal));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const text = (field: keyof typeof v) => (event: { target: { value: string } }) => setV((old) => ({ ...old, [field]: event.target.value }));
  const flag = (field: keyof typeof v) => (event: { target: { checked: boolean } }) => setV((old) => ({ ...old, [field]: event.target.checked }));
  const sectors = (profile?.sectors ?? []).filter((sector) => !sector.forms || v.forms.length === 0 || sector.forms.some((form) => v.forms.includes(form)) || sector.code === v.sector);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.dossierType) missing.dossierType = t('form.requiredChoice', { field: t('caseFields.dossierType') });
    if (v.forms.length === 0) missing.forms = t('form.requiredChoice', { field: t('caseFields.forms') });
    if (!consents.registration?.enabled || !consents.registration.legalBasis) missing['consents.registration'] = t('signalDecision.registrationBasisRequired');
    if (v.estimatedAge && !/^\d{1,3}$/.test(v.estimatedAge)) missing['person.estimatedAge'] = t('signalDecision.wholeNumber');
    if (v.suspectsCount && !/^\d{1,4}$/.test(v.suspectsCount)) missing['investigation.suspectsCount'] = t('signalDecision.wholeNumber');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const investigation = {
      ...(v.policeReportFiled ? { policeReportFiled: true } : {}),
      ...(v.cooperating ? { cooperating: true } : {}),
      ...(v.suspectsCount ? { suspectsCount: Number(v.suspectsCount) } : {}),
      ...(opt(v.investigationNotes) ? { notes: opt(v.investigationNotes) } : {}),
    };
    const registration: Registration = {
      person: {
        ...(opt(v.name) ? { name: opt(v.name) } : {}),
        ...(split(v.aliases).length ? { aliases: split(v.aliases) } : {}),
        ...(v.dateOfBirth ? { dateOfBirth: v.dateOfBirth } : {}),
        ...(v.estimatedAge ? { estimatedAge: Number(v.estimatedAge) } : {}),
        presumedMinor: v.presumedMinor,
        ...(v.sex ? { sex: v.sex } : {}),
        ...(split(v.citizenships).length ? { citizenships: split(v.citizenships) } : {}),
        ...(split(v.languages).length ? { languages: split(v.languages) } : {}),
        interpreterNeeded: v.interpreterNeeded,
        ...(v.safeContactChannel ? { safeContactChannel: v.safeContactChannel } : {}),
        ...(opt(v.contactDetails) ? { contactDetails: opt(v.contactDetails) } : {}),
        ...(opt(v.safetyNotes) ? { safetyNotes: opt(v.safetyNotes) } : {}),
      },
      forms: v.forms,
      ...(v.sector ? { sector: v.sector } : {}),
      ...(v.exploitationLocation ? { exploitationLocation: v.exploitationLocation } : {}),
      ...(opt(v.place) ? { place: opt(v.place) } : {}),
      ...(v.periodFrom ? { periodFrom: v.periodFrom } : {}),
      ...(v.periodTo ? { periodTo: v.periodTo } : {}),
      ...(opt(v.description) ? { description: opt(v.description) } : {}),
      ...(Object.keys(investigation).length ? { investigation } : {}),
      ...(v.region ? { region: v.region } : {}),
      dossierType: v.dossierType,
      consents: consentsToSend(consents),
    };
    const problems = await onSubmit({ decision: 'register', registration });
    if (problems) setErrors(problems);
  }

  return (
    <form className="utrecht-form baken-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="registration-title" data-testid="registration-form">
      <h3 className="utrecht-heading-3" id="registration-title">
        {t('signalDecision.registrationTitle')}
      </h3>
      <p className="utrecht-paragraph">{t('signalDecision.registrationLead')}</p>
      <div className="baken-subforms">
        <div className="baken-subform">
          <h4 className="utrecht-heading-4">{t('fieldGroups.identity')}</h4>
          <TextField label={t('caseFields.name')} name="name" autoComplete="off" value={v.name} onChange={text('name')} error={errors['person.name']} />
          <TextField label={t('caseFields.aliases')} name="aliases" autoComplete="off" value={v.aliases} onChange={text('aliases')} description={t('signalDecision.commaSeparated')} />
          <TextField label={t('caseFields.dateOfBirth')} name="dateOfBirth" type="date" value={v.dateOfBirth} onChange={text('dateOfBirth')} error={errors['person.dateOfBirth']} />
          <SelectField label={t('caseFields.safeContactChannel')} name="safeContactChannel" value={v.safeContactChannel} onChange={text('safeContactChannel')}>
            <option value="">{t('form.choose')}</option>
            {labels.options(profile?.safeContactChannels).map((option) => (
              <option key={option.code} value={option.code}>{t(`caseCommon.safeContact.${option.code}`, { defaultValue: option.label })}</option>
            ))}
          </SelectField>
          <TextField label={t('caseFields.contactDetails')} name="contactDetails" autoComplete="off" value={v.contactDetails} onChange={text('contactDetails')} />
          <TextAreaField label={t('caseFields.safetyNotes')} name="safetyNotes" value={v.safetyNotes} onChange={text('safetyNotes')} />
        </div>
        <div className="baken-subform">
          <h4 className="utrecht-heading-4">{t('fieldGroups.person')}</h4>
          <TextField label={t('caseFields.estimatedAge')} name="estimatedAge" inputMode="numeric" value={v.estimatedAge} onChange={text('estimatedAge')} error={errors['person.estimatedAge']} />
          <CheckboxField label={t('caseFields.presumedMinor')} name="presumedMinor" checked={v.presumedMinor} onChange={flag('presumedMinor')} />
          <SelectField label={t('caseFields.sex')} name="sex" value={v.sex} onChange={text('sex')}>
            <option value="">{t('form.choose')}</option>
            {(profile?.sexes?.length ? labels.options(profile.sexes).map((o) => o.code) : [...SEXES]).map((code) => (
              <option key={code} value={code}>{t(`caseCommon.sexes.${code}`, { defaultValue: labels.sex(code) })}</option>
            ))}
          </SelectField>
          <TextField label={t('caseFields.citizenships')} name="citizenships" autoComplete="off" value={v.citizenships} onChange={text('citizenships')} description={t('signalDecision.countryCodes')} error={errors['person.citizenships']} />
          <TextField label={t('caseFields.languages')} name="languages" autoComplete="off" value={v.languages} onChange={text('languages')} description={t('signalDecision.languageCodes')} error={errors['person.languages']} />
          <CheckboxField label={t('caseFields.interpreterNeeded')} name="interpreterNeeded" checked={v.interpreterNeeded} onChange={flag('interpreterNeeded')} />
        </div>
      </div>

      <h4 className="utrecht-heading-4">{t('fieldGroups.exploitation')}</h4>
      <CheckboxGroup legend={t('caseFields.forms')} choices={labels.options(profile?.formsOfExploitation).map((o) => ({ value: o.code, label: o.label }))} values={v.forms} onChange={(forms) => setV((old) => ({ ...old, forms }))} error={errors.forms} />
      <SelectField label={t('caseFields.sector')} name="sector" value={v.sector} onChange={text('sector')}>
        <option value="">{t('form.choose')}</option>
        {labels.options(sectors).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <SelectField label={t('caseFields.exploitationLocation')} name="exploitationLocation" value={v.exploitationLocation} onChange={text('exploitationLocation')}>
        <option value="">{t('form.choose')}</option>
        {LOCATIONS.map((code) => <option key={code} value={code}>{t(`caseCommon.locations.${code}`)}</option>)}
      </SelectField>
      <TextField label={t('caseFields.place')} name="place" autoComplete="off" value={v.place} onChange={text('place')} />
      <div className="baken-case-row">
        <TextField label={t('caseFields.periodFrom')} name="periodFrom" type="date" value={v.periodFrom} onChange={text('periodFrom')} error={errors.periodFrom} />
        <TextField label={t('caseFields.periodTo')} name="periodTo" type="date" value={v.periodTo} onChange={text('periodTo')} error={errors.periodTo} />
      </div>
      <TextAreaField label={t('caseFields.description')} name="description" rows={5} value={v.description} onChange={text('description')} error={errors.description} />

      <h4 className="utrecht-heading-4">{t('fieldGroups.investigation')}</h4>
      <CheckboxField label={t('caseFields.policeReportFiled')} name="policeReportFiled" checked={v.policeReportFiled} onChange={flag('policeReportFiled')} />
      <CheckboxField label={t('caseFields.cooperating')} name="cooperating" checked={v.cooperating} onChange={flag('cooperating')} />
      <TextField label={t('caseFields.suspectsCount')} name="suspectsCount" inputMode="numeric" value={v.suspectsCount} onChange={text('suspectsCount')} error={errors['investigation.suspectsCount']} />
      <TextAreaField label={t('caseFields.investigationNotes')} name="investigationNotes" value={v.investigationNotes} onChange={text('investigationNotes')} />

      <h4 className="utrecht-heading-4">{t('signalDecision.registrationDetails')}</h4>
      <SelectField label={t('caseFields.region')} name="region" value={v.region} onChange={text('region')}>
        <option value="">{t('form.choose')}</option>
        {labels.options(profile?.regions).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <SelectField label={t('caseFields.dossierType')} name="dossierType" required value={v.dossierType} onChange={text('dossierType')} error={errors.dossierType}>
        <option value="">{t('form.choose')}</option>
        {labels.options(profile?.dossierTypes).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>

      <ConsentRows value={consents} onChange={setConsents} error={errors['consents.registration'] ?? errors.consents} />

      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>
          {t('signalDecision.submit.register')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
