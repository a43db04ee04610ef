// Placeholder until the page is built.
export function MySignalsPage() {
  return null;
}
