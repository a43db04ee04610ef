// Placeholder until the page is built.
export function SignalFormPage() {
  return null;
}
