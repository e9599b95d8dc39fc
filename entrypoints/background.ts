import { startBackground } from '@/lib/background/main';

// Wiring only: the background lives in lib/background/ (main.ts sets up its listeners).
export default defineBackground(() => {
  startBackground();
});
