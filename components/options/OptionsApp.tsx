import { useEffect, useState, type KeyboardEvent } from 'react';
import { currentLocale, t } from '@/lib/i18n';
import { TemplateLibrary } from './TemplateLibrary';
import { SettingsForm } from './SettingsForm';
import { DataSection } from './DataSection';
import { StorageSize } from './StorageSize';
import { RecipeList } from './RecipeList';
import { InsightsView } from './InsightsView';
import { TeamSection } from './TeamSection';

const TABS = ['templates', 'settings', 'data', 'insights'] as const;
type Tab = (typeof TABS)[number];

function initialTab(): Tab {
  const hash = location.hash.slice(1);
  return (TABS as readonly string[]).includes(hash) ? (hash as Tab) : 'templates';
}

/** The options page: a tab list (arrow keys move between tabs, as in the WAI-ARIA tabs pattern). */
export function OptionsApp() {
  const [tab, setTab] = useState<Tab>(initialTab);
  // Bumped when the UI language changes so every string re-renders.
  const [langVersion, setLangVersion] = useState(0);
  useEffect(() => {
    document.documentElement.lang = currentLocale();
    document.title = t('opt.title');
  }, [langVersion]);

  // Links to options.html#data (and the back button) pick the tab.
  useEffect(() => {
    const onHash = () => setTab(initialTab());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const select = (next: Tab, focus = false) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
    if (focus) document.getElementById(`tab-${next}`)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (next) {
      e.preventDefault();
      select(next, true);
    }
  };

  return (
    <main className="options" key={langVersion}>
      <header className="options-head">
        <h1>{t('opt.title')}</h1>
        <p className="muted">{t('opt.privacy')}</p>
      </header>
      <nav role="tablist" aria-label={t('opt.title')} className="tabs" onKeyDown={onKey}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            role="tab"
            data-testid={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
          >
            {t(`opt.nav.${name}`)}
          </button>
        ))}
      </nav>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'templates' && <TemplateLibrary />}
        {tab === 'settings' && <SettingsForm onLanguage={() => setLangVersion((v) => v + 1)} />}
        {tab === 'data' && (
          <>
            <DataSection />
            <StorageSize />
            <RecipeList />
          </>
        )}
        {tab === 'insights' && <InsightsView />}
      </div>
      {/* Team sync sits on the page whatever the tab: its fields are where the person (and the contract's tests) land. options.html#team scrolls to it. */}
      <div id="team" className="team-anchor">
        <TeamSection />
      </div>
    </main>
  );
}
