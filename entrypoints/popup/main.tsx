import '@/lib/zod-jitless';
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
