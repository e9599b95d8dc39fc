/** Adds an off-platform order (WhatsApp, e-mail B2B deals), platform `manual` (issue 4). Placeholder until it lands. */
export function ManualOrderButton(_props: { onError(message: string): void }) {
  return null;
}
