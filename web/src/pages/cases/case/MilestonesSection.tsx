import type { CaseDetail } from '../../../api/cases.ts';

type Props = { data: CaseDetail };

/** Recording case milestones such as a reflection period granted. */
export function MilestonesSection({ data }: Props) {
  void data;
  return null;
}
