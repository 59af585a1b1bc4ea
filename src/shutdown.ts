import type { Server } from 'node:http';

/**
 * Stops a server the polite way: no new connections, idle ones closed at once, requests
 * in flight (a bot turn) allowed to finish; whatever is still open after `graceMs`
 * (a slow or stalled client) is cut. Resolves with how it ended.
 */
export async function closeGracefully(server: Server, graceMs: number): Promise<'drained' | 'forced'> {
  const drained = new Promise<'drained'>((resolve) => server.close(() => resolve('drained')));
  // A keep-alive connection goes idle once its answer is sent: close it then, not when
  // the client's keep-alive runs out.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), graceMs);
  });
  const outcome = await Promise.race([drained, forced]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === 'forced') server.closeAllConnections();
  return outcome;
}
