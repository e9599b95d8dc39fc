// E2E tests run code inside extension contexts (worker.evaluate, panel.evaluate), where `chrome` is the real API.
/// <reference types="chrome" />
