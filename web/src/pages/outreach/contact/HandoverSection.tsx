/**
 * Placeholder (being built, issue 6): the handover of a willing person to the referral mechanism, shown
 * on the contact page. Props are the contract between the contact page and this section.
 */
export type HandoverContact = { id: string; outcome: string | null; signalId: string | null; language: string };

export function HandoverSection(_props: { contact: HandoverContact; onDone: () => void }) {
  return null;
}
