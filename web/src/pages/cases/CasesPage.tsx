// Placeholder until the page is built.
export function CasesPage() {
  return null;
}
