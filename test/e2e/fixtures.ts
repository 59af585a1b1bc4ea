import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** The Direct Line secret; a test portal back end uses it to call /tokens/generate. */
export const SECRET = 'e2e-secret-0123456789abcdef';

/**
 * The real application (src/app.ts createApp: the policy bot, its Direct Line channel and
 * the portal pages), listening on a free port of 127.0.0.1. There is no stand-in bot:
 * what the browser shows is what the bot says.
 */
export async function startApp({ allowedOrigins = [] as string[] } = {}): Promise<RunningApp> {
  const app = await createApp({ STORAGE: 'memory', PORT: 0, DIRECTLINE_SECRET: SECRET, ALLOWED_ORIGINS: allowedOrigins });
  const { server } = app;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
