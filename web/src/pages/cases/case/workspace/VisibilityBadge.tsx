import { useTranslation } from 'react-i18next';
import type { Visibility, WorkspaceActor } from '../../../../api/workspace.ts';
import { StatusBadge } from '../../../../components/TableContainer.tsx';

const TONE = { organisation: 'neutral', involved: 'success', registrar: 'warning' } as const;

/** Who may see a note or document, as a badge. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[visibility]}>{t(`workspace.visibility.${visibility}.short`)}</StatusBadge>;
}

/** "Name (Organisation)", or what the viewer may know of it. */
export function useActorText(): (actor: WorkspaceActor) => string {
  const { t } = useTranslation();
  return (actor) => {
    if (!actor) return t('workspace.actor.system');
    if (actor.name && actor.organisationName) return `${actor.name} (${actor.organisationName})`;
    return actor.name ?? actor.organisationName ?? t('workspace.actor.unknown');
  };
}
