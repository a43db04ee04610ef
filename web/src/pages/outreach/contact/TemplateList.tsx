import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approveTemplate, retireTemplate, type MessageTemplate } from '../../../api/outreach-contact.ts';
import { can, useSession } from '../../../api/session.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { ConfirmButton } from '../../../components/ConfirmDialog.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ProblemList, TemplateStatusBadge, useLanguageName } from './ui.tsx';

/** The templates of one language, each with its message, status and the actions the viewer may take. */
export function TemplateList({ language, templates, onEdit }: { language: string; templates: MessageTemplate[]; onEdit: (t: MessageTemplate) => void }) {
  const languageName = useLanguageName();
  return (
    <Section title={languageName(language)}>
      <ul className="baken-cards" data-testid={`templates-${language}`}>
        {templates.map((template) => (
          <TemplateItem key={template.id} template={template} onEdit={onEdit} />
        ))}
      </ul>
    </Section>
  );
}

function TemplateItem({ template, onEdit }: { template: MessageTemplate; onEdit: (t: MessageTemplate) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ['outreach', 'templates'] });
  const approve = useMutation({ mutationFn: () => approveTemplate(template.id), onSuccess: done });
  const retire = useMutation({ mutationFn: () => retireTemplate(template.id), onSuccess: done });
  const mayWrite = can(session, 'outreach-template:write');
  return (
    <li className="baken-card" data-testid="template" data-status={template.status} data-name={template.name}>
      <h3 className="utrecht-heading-3 baken-card__title">
        {template.name} <TemplateStatusBadge status={template.status} />
      </h3>
      <p className="utrecht-paragraph baken-case-text" data-testid="template-preview">{template.preview}</p>
      <p className="utrecht-paragraph baken-small">
        {t('outreachContact.templates.writtenBy', { name: template.createdByName ?? '–', date: formatDateTime(template.createdAt) })}
        {template.approvedAt ? ` · ${t('outreachContact.templates.approvedBy', { name: template.approvedByName ?? '–', date: formatDateTime(template.approvedAt) })}` : ''}
        {` · ${t('outreachContact.templates.length', { length: template.length, limit: 160 })}`}
      </p>
      <ProblemList problems={template.problems} />
      {template.status === 'draft' && template.mine ? <p className="utrecht-paragraph baken-muted">{t('outreachContact.templates.needsSecond')}</p> : null}
      <ErrorAlert error={approve.error ?? retire.error} />
      <ButtonGroup>
        {template.mayApprove ? (
          <Button variant="primary" busy={approve.isPending} onClick={() => approve.mutate()} aria-label={t('outreachContact.templates.approveNamed', { name: template.name })}>
            {t('outreachContact.templates.approve')}
          </Button>
        ) : null}
        {mayWrite && template.status === 'draft' ? (
          <Button variant="secondary" onClick={() => onEdit(template)} aria-label={t('outreachContact.templates.editNamed', { name: template.name })}>
            {t('outreachContact.templates.edit')}
          </Button>
        ) : null}
        {mayWrite && template.status !== 'retired' ? (
          <ConfirmButton
            label={t('outreachContact.templates.retire')}
            ariaLabel={t('outreachContact.templates.retireNamed', { name: template.name })}
            title={t('outreachContact.templates.retireTitle')}
            confirmLabel={t('outreachContact.templates.retire')}
            onConfirm={() => retire.mutateAsync().then(() => undefined, () => undefined)}
          >
            <p className="utrecht-paragraph">{t('outreachContact.templates.retireText')}</p>
          </ConfirmButton>
        ) : null}
      </ButtonGroup>
    </li>
  );
}
