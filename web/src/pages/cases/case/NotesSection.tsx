import type { CaseDetail } from '../../../api/cases.ts';

type Props = { data: CaseDetail };

/** Notes with visibility levels. */
export function NotesSection({ data }: Props) {
  void data;
  return null;
}
