import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTREACH_LANGUAGES, templatesQuery, type MessageTemplate, type TemplateStatus } from '../../../api/outreach-contact.ts';
import { can, useSession } from '../../../api/session.ts';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateList } from './TemplateList.tsx';
import { useLanguageName } from './ui.tsx';

/** Message templates per language: write, check live against the safety rules, approve (four eyes), retire. */
export function OutreachTemplatesPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-template:list">
      <Page title={t('areas.outreachTemplates.title')} lead={t('outreachContact.templates.lead')}>
        <Templates />
      </Page>
    </RequireGrant>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; template: MessageTemplate } | null;

function Templates() {
  const { t } = useTranslation();
  const session = useSession();
  const languageName = useLanguageName();
  const [language, setLanguage] = useState('');
  const [status, setStatus] = useState<TemplateStatus | ''>('');
  const [editing, setEditing] = useState<Editing>(null);
  const templates = useQuery(templatesQuery({ ...(language ? { language } : {}), ...(status ? { status } : {}) }));
  const items = templates.data?.items ?? [];
  const languages = OUTREACH_LANGUAGES.filter((code) => items.some((x) => x.language === code));
  return (
    <>
      {can(session, 'outreach-template:write') ? (
        <Section title={editing?.kind === 'edit' ? t('outreachContact.templates.editTitle') : t('outreachContact.templates.newTitle')}>
          {editing ? (
            <TemplateEditor key={editing.kind === 'edit' ? editing.template.id : 'new'} template={editing.kind === 'edit' ? editing.template : undefined} onDone={() => setEditing(null)} />
          ) : (
            <Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>
              {t('outreachContact.templates.new')}
            </Button>
          )}
        </Section>
      ) : null}
      <Section title={t('outreachContact.templates.listTitle')}>
        <div className="baken-filters">
          <SelectField label={t('outreachContact.field.language')} markOptional={false} value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{t('outreachContact.templates.allLanguages')}</option>
            {OUTREACH_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('outreachContact.field.status')} markOptional={false} value={status} onChange={(e) => setStatus(e.target.value as TemplateStatus | '')}>
            <option value="">{t('outreachContact.templates.allStatuses')}</option>
            {(['approved', 'draft', 'retired'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`outreachContact.templateStatus.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {templates.isPending ? <Loading /> : null}
        <ErrorAlert error={templates.error} />
        {templates.data && items.length === 0 ? <p className="utrecht-paragraph">{t('outreachContact.templates.empty')}</p> : null}
      </Section>
      {languages.map((code) => (
        <TemplateList key={code} language={code} templates={items.filter((x) => x.language === code)} onEdit={(template) => setEditing({ kind: 'edit', template })} />
      ))}
    </>
  );
}
