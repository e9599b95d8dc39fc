// No zod here (see components/popup/link.ts): its no-eval setting is loaded with the error texts when needed.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { currentLocale } from '@/lib/i18n';
import { Popup } from '@/components/popup/Popup';

document.documentElement.lang = currentLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
