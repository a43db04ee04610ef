import type { CaseDetail } from '../../../api/cases.ts';

type Props = { data: CaseDetail };

/** The case timeline, filtered to what the viewer may see. */
export function TimelineSection({ data }: Props) {
  void data;
  return null;
}
