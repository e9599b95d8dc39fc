/** Warns when a seller page that should list orders yields none or unreadable rows (issue 4). Placeholder until it lands. */
export function HealthBanner(_props: { tabId?: number }) {
  return null;
}
