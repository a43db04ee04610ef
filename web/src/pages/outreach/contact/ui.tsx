import { useTranslation } from 'react-i18next';
import type { Delivery, SafetyProblem, TemplateStatus } from '../../../api/outreach-contact.ts';
import { StatusBadge } from '../../../components/TableContainer.tsx';

type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'inactive';

const OUTCOME_TONES: Record<string, Tone> = {
  'no-answer': 'inactive',
  replied: 'neutral',
  conversation: 'neutral',
  declined: 'inactive',
  'wants-help': 'warning',
  referred: 'success',
};
const DELIVERY_TONES: Record<Delivery, Tone> = { queued: 'warning', sent: 'success', failed: 'danger', logged: 'neutral' };
const STATUS_TONES: Record<TemplateStatus, Tone> = { draft: 'warning', approved: 'success', retired: 'inactive' };

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  if (!outcome) return <StatusBadge tone="inactive">{t('outreachContact.outcome.none')}</StatusBadge>;
  return <StatusBadge tone={OUTCOME_TONES[outcome] ?? 'neutral'}>{t(`outreachContact.outcome.${outcome}`, { defaultValue: outcome })}</StatusBadge>;
}

export function DeliveryBadge({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  return <StatusBadge tone={DELIVERY_TONES[delivery]}>{t(`outreachContact.delivery.${delivery}`)}</StatusBadge>;
}

export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONES[status]}>{t(`outreachContact.templateStatus.${status}`)}</StatusBadge>;
}

export function useLanguageName() {
  const { t } = useTranslation();
  return (code: string) => t(`outreachContact.language.${code}`, { defaultValue: code });
}

/** A safety problem in the interface language: the code translated, with the word and its language. */
export function useProblemText() {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  return (p: SafetyProblem) =>
    t(`outreachContact.problem.${p.code}`, { defaultValue: p.message, word: p.word ?? '', language: p.language ? languageName(p.language) : '' });
}

export function ProblemList({ problems, id }: { problems: SafetyProblem[]; id?: string }) {
  const text = useProblemText();
  if (problems.length === 0) return null;
  return (
    <ul className="utrecht-unordered-list baken-problem-list" id={id} data-testid="safety-problems">
      {problems.map((p, i) => (
        // oxlint-disable-next-line react/no-array-index-key -- the same code may appear twice with different words
        <li key={`${p.code}-${i}`} data-code={p.code}>
          {text(p)}
        </li>
      ))}
    </ul>
  );
}

/** The exact message as the person will receive it. */
export function MessagePreview({ text, label }: { text: string; label: string }) {
  return (
    <figure className="baken-message-preview">
      <figcaption className="utrecht-paragraph baken-small">{label}</figcaption>
      <blockquote className="utrecht-blockquote" data-testid="message-preview">
        <p className="utrecht-paragraph baken-case-text">{text}</p>
      </blockquote>
    </figure>
  );
}
