/**
 * Starts the bot server: reads .env (if any) and the environment, builds the app,
 * listens. The only module that touches process and env.
 */
import { existsSync } from 'node:fs';
import { createApp } from './app';
import { loadConfig } from './config';

/** The oldest Node major still supported (package.json engines). */
const MIN_NODE_MAJOR = 24;
const nodeMajor = () => Number(process.versions.node.split('.')[0]);

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await createApp(config);
  app.server.listen(config.PORT, config.HOST ?? '::', () => {
    const port = (app.server.address() as { port: number }).port;
    const mode = config.MicrosoftAppId ? `Azure Bot Service app ${config.MicrosoftAppId}` : 'local, unauthenticated';
    console.log(`青岛市工业互联网政策助手 listening on http://localhost:${port} (${mode}, Node ${process.version})`);
    if (nodeMajor() < MIN_NODE_MAJOR) {
      console.warn(`  Node ${process.version} is past its end of life: run with npm start (the pinned Node 24) or a Node ${MIN_NODE_MAJOR}+.`);
    }
    console.log(`  Bot Framework endpoint: http://localhost:${port}/api/messages`);
    console.log(`  Search API:             http://localhost:${port}/api/search?q=两化融合`);
    console.log(`  Web Chat demo page:     http://localhost:${port}/`);
    if (app.directLineSecretGenerated) {
      console.log('  DIRECTLINE_SECRET is not set: a random one is used for this run (the demo page works; portal back ends cannot get tokens).');
    }
  });
  const stop = () => app.server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
