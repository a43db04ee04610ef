// Placeholder until the page is built.
export function CasePage() {
  return null;
}
