/**
 * Starts the bot server: reads .env (if any) and the environment, builds the app,
 * listens, and stops within a grace period on SIGTERM/SIGINT. The only module that
 * touches process and env.
 */
import { existsSync } from 'node:fs';
import { createApp } from './app';
import { loadConfig } from './config';
import { log } from './log';
import { closeGracefully } from './shutdown';

/** The oldest Node major still supported (package.json engines). */
const MIN_NODE_MAJOR = 24;
const nodeMajor = () => Number(process.versions.node.split('.')[0]);

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  log.level = config.LOG_LEVEL;
  const app = await createApp(config);
  app.server.listen(config.PORT, config.HOST ?? '::', () => {
    const port = (app.server.address() as { port: number }).port;
    const mode = config.MicrosoftAppId ? `Azure Bot Service app ${config.MicrosoftAppId}` : 'local, unauthenticated';
    log.info({ port, node: process.version, mode }, 'listening');
    // For people, on stderr: stdout carries only the JSON log lines.
    const banner = [
      `青岛市工业互联网政策助手 listening on http://localhost:${port} (${mode}, Node ${process.version})`,
      `  Bot Framework endpoint: http://localhost:${port}/api/messages${config.MicrosoftAppId ? '' : ' (this machine only)'}`,
      `  Search API:             http://localhost:${port}/api/search?q=两化融合`,
      `  Web Chat demo page:     http://localhost:${port}/`,
    ];
    if (app.directLineSecretGenerated) {
      banner.push('  DIRECTLINE_SECRET is not set: a random one is used for this run (the demo page works; portal back ends cannot get tokens).');
    }
    console.error(banner.join('\n'));
    if (nodeMajor() < MIN_NODE_MAJOR) {
      log.warn({ node: process.version }, `Node ${process.version} is past its end of life: run with npm start (the pinned Node 24) or a Node ${MIN_NODE_MAJOR}+`);
    }
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceSeconds: config.SHUTDOWN_GRACE_SECONDS }, 'shutting down');
    const outcome = await closeGracefully(app.server.server, config.SHUTDOWN_GRACE_SECONDS * 1000);
    await app.close().catch((error: Error) => log.warn({ error: error.name }, 'store not closed cleanly'));
    log.info({ outcome }, 'stopped');
    log.flush(() => process.exit(0));
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(error.message);
  log.flush(() => process.exit(1));
});
