import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../src/app';

/** The real app listening on a free loopback port, with its base URL and a way to stop it. */
export async function listeningApp(): Promise<{ app: App; base: string; close: () => Promise<void> }> {
  const app = await createApp();
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { app, base, close: () => new Promise<void>((resolve) => app.server.close(() => resolve())) };
}
