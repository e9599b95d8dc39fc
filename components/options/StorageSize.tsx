import { useEffect, useId, useState } from 'react';
import { currentLocale, t } from '@/lib/i18n';

/** Bytes as a person reads them: "820 KB", "12.4 MB", "1.2 GB" (one decimal below 100). */
export function formatBytes(bytes: number, locale: string = currentLocale()): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

interface Estimate {
  usage: number;
  quota: number;
}

/**
 * How much the extension's data takes on this computer, as the browser
 * counts it (IndexedDB and the rest of the extension's own storage): a big
 * shop's year is tens of megabytes, and this is where a person sees it.
 */
export function StorageSize() {
  const id = useId();
  const [estimate, setEstimate] = useState<Estimate | null>();
  useEffect(() => {
    let live = true;
    const storage = (navigator as Navigator & { storage?: StorageManager }).storage;
    if (!storage?.estimate) {
      setEstimate(null);
      return;
    }
    storage.estimate().then(
      (e) => live && setEstimate(e.usage !== undefined && e.quota !== undefined ? { usage: e.usage, quota: e.quota } : null),
      () => live && setEstimate(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby={`${id}-h`} data-testid="storage-size">
      <h2 id={`${id}-h`}>{t('opt.data.size')}</h2>
      {estimate === undefined ? null : estimate === null ? (
        <p data-testid="db-size">{t('opt.data.sizeUnknown')}</p>
      ) : (
        <p data-testid="db-size" data-bytes={estimate.usage}>
          {t('opt.data.sizeUsed', { size: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })}
        </p>
      )}
      <p className="muted">{t('opt.data.sizeHint')}</p>
    </section>
  );
}
