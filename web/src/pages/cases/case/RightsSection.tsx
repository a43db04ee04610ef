import type { CaseDetail } from '../../../api/cases.ts';

type Props = { data: CaseDetail };

/** Data-subject rights: export and correction with history. */
export function RightsSection({ data }: Props) {
  void data;
  return null;
}
