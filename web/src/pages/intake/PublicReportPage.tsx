// Placeholder until the page is built.
export function PublicReportPage() {
  return null;
}
