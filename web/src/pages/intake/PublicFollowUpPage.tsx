// Placeholder until the page is built.
export function PublicFollowUpPage() {
  return null;
}
