import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ask, useDbChanged } from '@/components/api';
import { errorMessage } from '@/components/errors';
import { t, type MessageKey } from '@/lib/i18n';
import type { TeamConfigView } from '@/lib/messaging/team';
import type { SyncStatus } from '@/lib/sync/engine';
import { isLoopback, serverOrigin } from '@/lib/sync/config';
import { firstSyncLine, firstSyncPercent } from '@/components/firstSync';

const TIME = new Intl.DateTimeFormat(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A connection test's result code in plain words. */
function resultText(code: string): string {
  return t(`team.result.${code}` as MessageKey);
}

type TeamForm = { url: string; db: string; user: string; password: string; agent: string };

/** The saved configuration in the form, except where the person typed before it arrived: what they typed stays. */
function savedUnderTyped(form: TeamForm, saved: TeamConfigView, typed: ReadonlySet<keyof TeamForm>): TeamForm {
  const from: TeamForm = { url: saved.url, db: saved.db, user: saved.user, password: '', agent: saved.agent };
  const out = { ...from };
  for (const name of typed) out[name] = form[name];
  return out;
}

/** Options → Team: the shop's CouchDB, this agent's name, start/stop, and what is going on. */
export function TeamSection() {
  const [config, setConfig] = useState<TeamConfigView>();
  const [status, setStatus] = useState<SyncStatus>();
  const [form, setForm] = useState<TeamForm>({ url: '', db: '', user: '', password: '', agent: '' });
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Fields the person has typed in: the saved configuration, when it arrives, fills only the others.
  const typed = useRef(new Set<keyof TeamForm>());

  const refresh = useCallback(() => {
    ask('team/get', {}).then(
      (r) => {
        setStatus(r.status);
        setConfig((old) => {
          if (!old) setForm((f) => savedUnderTyped(f, r.config, typed.current));
          return r.config;
        });
      },
      (e: Error) => setMessage(e.message),
    );
  }, []);
  useEffect(() => {
    refresh();
    // The status line follows the engine while the page is open.
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [refresh]);
  useDbChanged(refresh);

  const input = () => ({ url: form.url, db: form.db, user: form.user, agent: form.agent, ...(form.password ? { password: form.password } : {}) });

  const run = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const enable = () => {
    // Asked inside the click (a user gesture); a server on this computer is already allowed.
    const server = serverOrigin(form.url);
    const permission =
      'origin' in server && !isLoopback(server.origin) && browser.permissions?.request
        ? browser.permissions.request({ origins: [`${server.origin}/*`] }).catch(() => false)
        : Promise.resolve(true);
    void run(async () => {
      const granted = await permission;
      await ask('team/enable', input());
      setForm((f) => ({ ...f, password: '' }));
      return granted ? undefined : t('team.permissionDenied');
    });
  };

  const state = status?.state ?? 'off';
  const firstPct = status?.first && firstSyncPercent(status.first);
  const field = (name: keyof TeamForm, label: string, type = 'text', extra: Record<string, string> = {}) => (
    <div className="field">
      <label htmlFor={`sync-${name}`}>{label}</label>
      <input
        id={`sync-${name}`}
        data-testid={`sync-${name}`}
        type={type}
        value={form[name]}
        autoComplete={type === 'password' ? 'current-password' : 'off'}
        spellCheck={false}
        onChange={(e) => {
          typed.current.add(name);
          const value = e.target.value;
          setForm((f) => ({ ...f, [name]: value }));
        }}
        {...extra}
      />
    </div>
  );

  return (
    <section aria-labelledby="team-h" data-testid="team-section">
      <h2 id="team-h">{t('team.title')}</h2>
      <p>{t('team.intro')}</p>
      <p className="muted">{t('team.leaves')}</p>
      <p className="muted">{t('team.stays')}</p>
      <p className="muted">{t('team.erase')}</p>

      <p data-testid="sync-status" data-state={state} data-pending={status?.pending ?? 0} role="status" aria-live="polite">
        <strong>{t(`team.state.${state}`)}</strong>
        {status && status.pending > 0 && <> · {t('team.pending', { n: status.pending })}</>}
        {state !== 'off' && <> · {status?.lastSyncAt ? t('team.lastSync', { time: TIME.format(status.lastSyncAt) }) : t('team.never')}</>}
        {state === 'error' && status?.error && (
          <span data-testid="sync-error" data-error={status.error}>
            {' '}
            · {resultText(status.error)}
            {status.retryAt !== undefined && <> {t('team.retryAt', { time: TIME.format(status.retryAt) })}</>}
          </span>
        )}
      </p>
      {status?.first && (
        <p className="first-sync" data-testid="sync-first" data-read={status.first.read}>
          <span id="sync-first-line">{firstSyncLine(status.first)}</span>{' '}
          {firstPct !== undefined && <progress max={100} value={firstPct} aria-labelledby="sync-first-line" />}
        </p>
      )}
      {status && status.refused > 0 && <p className="warn" data-testid="sync-refused">{t('team.refused', { n: status.refused, what: status.lastRefused ?? '' })}</p>}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          enable();
        }}
      >
        {field('url', t('team.url'), 'url', { placeholder: 'https://couch.example.com', 'aria-describedby': 'sync-url-hint' })}
        <p id="sync-url-hint" className="muted">{t('team.urlHint')}</p>
        {field('db', t('team.db'), 'text', { placeholder: 'shop-a' })}
        <div className="field-row">
          {field('user', t('team.user'))}
          {field('password', t('team.password'), 'password', config?.hasPassword ? { placeholder: t('team.passwordSaved') } : {})}
        </div>
        {field('agent', t('team.agent'), 'text', { placeholder: '小王', maxLength: '100' })}
        <div className="field-row">
          <button type="button" data-testid="sync-test" disabled={busy} onClick={() => void run(async () => resultText((await ask('team/test', input())).result))}>
            {t('team.test')}
          </button>
          <button type="submit" data-testid="sync-enable" disabled={busy}>
            {t('team.enable')}
          </button>
          <button type="button" data-testid="sync-disable" disabled={busy} onClick={() => void run(async () => void (await ask('team/disable', {})))}>
            {t('team.disable')}
          </button>
          <button
            type="button"
            data-testid="sync-install-check"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const { result } = await ask('team/install-check', input());
                return result === 'ok' ? t('team.installed') : resultText(result);
              })
            }
          >
            {t('team.install')}
          </button>
        </div>
      </form>
      {message && (
        <p data-testid="sync-message" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
