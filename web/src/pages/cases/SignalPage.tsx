// Placeholder until the page is built.
export function SignalPage() {
  return null;
}
