import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../src/app';
import type { AppConfig } from '../../src/config';

/** The real app listening on a free loopback port, with its base URL and a way to stop it. */
export async function listeningApp(
  overrides: Partial<AppConfig> = {},
): Promise<{ app: App; base: string; port: number; close: () => Promise<void> }> {
  const app = await createApp({ STORAGE: 'memory', ...overrides });
  await new Promise<void>((resolve) => app.server.listen(0, '::', resolve));
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((resolve) => app.server.close(() => resolve())) };
}
