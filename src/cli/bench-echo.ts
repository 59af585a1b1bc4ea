/**
 * The baseline of `npm run bench`: an echo bot on the same stack as the policy bot
 * (restify, src/server.ts with its logging, body reading and rate limits, CloudAdapter),
 * so the throughput ratio shows what the policy bot's own work costs.
 */
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../adapter';
import { loadConfig } from '../config';
import { clientAddress } from '../http/client';
import { MemoryCounters, RateLimiter } from '../http/rate-limit';
import { loadKnowledge } from '../knowledge';
import { log } from '../log';
import { PolicySearch } from '../search';
import { createServer } from '../server';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`您说：${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const config = loadConfig(process.env);
const limiter = new RateLimiter(new MemoryCounters(), { messages: config.RATE_LIMIT_MESSAGES, api: config.RATE_LIMIT_API });
const knowledge = loadKnowledge();
const server = createServer({
  adapter: createAdapter(config),
  bot: new EchoBot(),
  search: new PolicySearch(knowledge),
  notice: knowledge.notice,
  rateLimit: (req, bucket) => limiter.take(bucket, clientAddress(req, [])),
  messagesAccess: 'loopback',
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => log.info({ port: (server.address() as { port: number }).port }, 'listening'));
process.on('SIGINT', () => process.exit(0));
