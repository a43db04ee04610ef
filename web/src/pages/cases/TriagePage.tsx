// Placeholder until the page is built.
export function TriagePage() {
  return null;
}
