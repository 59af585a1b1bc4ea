import { AuthenticationError } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import restify from 'restify';
import { z } from 'zod';
import type { PolicyAdapter } from './adapter';
import type { RunnableBot } from './directline';
import { identityEncodingOnly, jsonBody } from './http/body';
import { isLocalClient, isLoopback } from './http/client';
import { HttpError, JSON_HEADERS, sendError, sendErrorBody, sendJson } from './http/errors';
import { noteConversation, requestLogging } from './http/request-log';
import type { Notice } from './knowledge';
import { KeyedQueue } from './state/keyed-queue';
import { errorFields, log } from './log';
import { describeRules, estimate, getRule } from './rules';
import type { PolicySearch } from './search';

/** Rate-limit buckets of the routes this file serves. */
export type ApiBucket = 'messages' | 'api';

export interface ServerDeps {
  adapter: PolicyAdapter;
  bot: RunnableBot;
  search: PolicySearch;
  notice: Notice;
  /** Counts a request of the caller in a bucket; throws 429 past the limit. */
  rateLimit: (req: restify.Request, bucket: ApiBucket) => Promise<void>;
  /** How /api/messages is protected: Bot Framework JWTs, the local machine only, or closed. */
  messagesAccess: 'authenticated' | 'loopback' | 'off';
  /** Readiness beyond "listening" (the store); /healthz answers 503 while it is false. */
  isReady?: () => boolean | Promise<boolean>;
}

/** The largest request body any route reads. */
export const MAX_BODY_BYTES = 64 * 1024;
/** A turn of /api/messages (including posting replies back to the Emulator) gives up after this. */
export const MESSAGE_DEADLINE_MS = 5000;

const SearchQuerySchema = z.object({
  q: z
    .string({ error: (issue) => (Array.isArray(issue.input) ? 'q must be given once' : 'q is required') })
    .trim()
    .min(1, 'q must not be empty')
    .max(500, 'q must be at most 500 characters'),
  limit: z.coerce
    .number({ error: (issue) => (Array.isArray(issue.input) ? 'limit must be given once' : 'limit must be a number') })
    .int()
    .min(1)
    .max(20)
    .default(5),
});

/** The least an activity needs before the adapter sees it; the adapter checks the rest. */
const ActivityBodySchema = z.looseObject({
  type: z.string().min(1, 'activity type is required').max(64),
  channelId: z.string().min(1).max(64).optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(256) }, { error: 'conversation.id is required' }),
  serviceUrl: z.string().min(1, 'serviceUrl is required').max(2048),
});

const EstimateBodySchema = z.object({
  rule: z.string({ error: 'rule is required (see GET /api/rules)' }).min(1).max(64),
  inputs: z.record(z.string(), z.unknown(), { error: 'inputs must be an object of answers' }).default({}),
});

/**
 * The HTTP surface: Bot Framework messages, the JSON search and estimate API and health.
 * Every request: one log line; any Content-Encoding but identity refused; bodies read as
 * JSON only, at most 64 KB as read. Routes only translate HTTP to calls on the bot and core.
 */
export function createServer({ adapter, bot, search, notice, rateLimit, messagesAccess, isReady }: ServerDeps): restify.Server {
  // No name: restify would put it in a Server header of every answer.
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false });
  // Turns of one conversation run one after another in this process.
  const turns = new KeyedQueue();
  // Slow clients cannot hold a connection open for ever (slowloris).
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 30_000;
  server.server.keepAliveTimeout = 5_000;
  server.pre(requestLogging);
  server.pre(identityEncodingOnly);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBody(MAX_BODY_BYTES));
  // restify's own errors (no such route, method not allowed) in our JSON error shape.
  server.on('restifyError', (_req: restify.Request, res: restify.Response, error: Error & { body?: { code?: string } }, callback: () => void) => {
    const code = error.body?.code ?? error.name;
    for (const [name, value] of Object.entries(JSON_HEADERS)) res.setHeader(name, value);
    Object.assign(error, { toJSON: () => ({ error: { code, message: error.message } }) });
    callback();
  });

  server.post('/api/messages', async (req, res) => {
    try {
      await rateLimit(req, 'messages');
      if (messagesAccess === 'off') {
        throw new HttpError(401, 'Unauthorized', 'This server has no Microsoft App ID and UNAUTHENTICATED_MESSAGES=off: use Direct Line');
      }
      if (messagesAccess === 'loopback' && !isLocalClient(req)) {
        throw new HttpError(
          401,
          'Unauthorized',
          'This server runs without a Microsoft App ID: /api/messages answers only clients on this machine (the Bot Framework Emulator). Portals use Direct Line.',
        );
      }
      const parsed = ActivityBodySchema.safeParse(req.body);
      if (!parsed.success) {
        return sendErrorBody(res, 400, 'invalid-activity', parsed.error.issues[0].message, parsed.error.issues);
      }
      const activity = parsed.data as unknown as Activity;
      // Unauthenticated, replies may only go back to this machine (the Emulator's serviceUrl):
      // never relay to a host the caller names.
      if (messagesAccess === 'loopback' && !isLoopbackUrl(activity.serviceUrl)) {
        throw new HttpError(400, 'invalid-activity', 'serviceUrl must be on this machine (http://localhost:…) without a Microsoft App ID');
      }
      const conversationKey = `${activity.channelId ?? ''}/${activity.conversation.id}`;
      noteConversation(conversationKey);
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const answer = await withDeadline(
        turns.run(conversationKey, () => adapter.handle(authHeader, activity, (context) => bot.run(context))),
        MESSAGE_DEADLINE_MS,
      );
      sendJson(res, answer?.status ?? 200, answer?.body ?? {});
    } catch (error) {
      sendError(res, messagesError(error));
    }
  });

  server.get('/api/search', async (req, res) => {
    try {
      await rateLimit(req, 'api');
      const parsed = SearchQuerySchema.safeParse(req.query ?? {});
      if (!parsed.success) return sendErrorBody(res, 400, 'invalid-query', parsed.error.issues[0].message, parsed.error.issues);
      const { q, limit } = parsed.data;
      const { hits } = search.search(q, { limit });
      sendJson(res, 200, {
        query: q,
        results: hits.map((hit) => ({
          measure: hit.measure.id,
          number: hit.measure.number,
          title: hit.measure.title,
          section: notice.sections[hit.measure.section - 1].heading,
          score: hit.score,
          snippet: hit.snippet,
        })),
      });
    } catch (error) {
      sendError(res, error);
    }
  });

  server.get('/api/rules', async (req, res) => {
    try {
      await rateLimit(req, 'api');
      sendJson(res, 200, { rules: describeRules() });
    } catch (error) {
      sendError(res, error);
    }
  });

  server.post('/api/estimate', async (req, res) => {
    try {
      await rateLimit(req, 'api');
      const body = EstimateBodySchema.safeParse(req.body ?? {});
      if (!body.success) return sendErrorBody(res, 400, 'invalid-body', body.error.issues[0].message, body.error.issues);
      const rule = getRule(body.data.rule);
      // The rule id is not echoed: an error message never repeats what the caller sent.
      if (!rule) return sendErrorBody(res, 404, 'unknown-rule', 'unknown rule (see GET /api/rules for the ids)');
      // The API wants every answer (defaults aside), even when one answer already rules the
      // enterprise out: a form should not post half an answer. The interviews stop early instead.
      if (rule.kind === 'quantified') {
        const complete = rule.schema.safeParse(body.data.inputs);
        if (!complete.success) {
          return sendErrorBody(res, 400, 'invalid-input', complete.error.issues[0].message, complete.error.issues);
        }
      }
      const result = estimate(rule, body.data.inputs);
      if (!result.ok) return sendErrorBody(res, 400, result.error, result.issues[0]?.message ?? result.error, result.issues);
      sendJson(res, 200, result.estimate);
    } catch (error) {
      sendError(res, error);
    }
  });

  server.get('/healthz', async (_req, res) => {
    const ready = isReady ? await Promise.resolve(isReady()).catch(() => false) : true;
    const measures = notice.sections.reduce((n, s) => n + s.measures.length, 0);
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', measures });
  });

  return server;
}

function isLoopbackUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && (hostname === 'localhost' || isLoopback(hostname.replace(/^\[|\]$/g, '')));
  } catch {
    return false;
  }
}

/** What a failed /api/messages turn answers: never the error's text, which may be a callback target's body. */
function messagesError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  if (error instanceof AuthenticationError) return new HttpError(401, 'Unauthorized', 'The request is not signed by the Bot Framework');
  log.warn(errorFields(error), 'message turn failed');
  return new HttpError(502, 'BotError', 'The bot could not complete the turn');
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(504, 'BotTimeout', 'The bot did not complete the turn in time')), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined); // a late failure after the deadline is not unhandled
  }
}
