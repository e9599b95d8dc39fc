// No zod here (see components/popup/link.ts): its no-eval setting is loaded with the error texts when needed.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { currentLocale } from '@/lib/i18n';
import { earlyAnswered } from '@/components/popup/first-paint';
import { Popup } from '@/components/popup/Popup';

document.documentElement.lang = currentLocale();

// The numbers are painted by the early script as its reply comes (entrypoints/popup-early.ts); React then draws the
// same block and the rest. A background slow to answer (a worker starting) does not hold the buttons back for long.
void earlyAnswered(250).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Popup />
    </StrictMode>,
  ),
);
