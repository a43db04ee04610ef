import type { CaseDetail } from '../../../api/cases.ts';

type Props = { data: CaseDetail };

/** Identification procedures, decisions and reviews (with their clocks). */
export function IdentificationSection({ data }: Props) {
  void data;
  return null;
}
