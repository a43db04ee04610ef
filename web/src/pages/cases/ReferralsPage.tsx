// Placeholder until the page is built.
export function ReferralsPage() {
  return null;
}
