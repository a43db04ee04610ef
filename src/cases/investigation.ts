/** Investigation-track details: kept apart from victim status (support never depends on them). */
export type Investigation = {
  policeReportFiled: boolean | null;
  cooperating: boolean | null;
  suspectsCount: number | null;
  notes: string | null;
};

export type InvestigationInput = Partial<Investigation>;

export function investigationOf(input: InvestigationInput | undefined): Investigation | null {
  if (!input) return null;
  const value = {
    policeReportFiled: input.policeReportFiled ?? null,
    cooperating: input.cooperating ?? null,
    suspectsCount: input.suspectsCount ?? null,
    notes: input.notes?.trim() || null,
  };
  return Object.values(value).every((v) => v === null) ? null : value;
}
