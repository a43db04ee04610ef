import type { CaseDetail } from '../../../api/cases.ts';

type Props = { data: CaseDetail };

/** Encrypted case documents: upload, list, download. */
export function DocumentsSection({ data }: Props) {
  void data;
  return null;
}
