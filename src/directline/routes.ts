import type { Request, Response, Server } from 'restify';
import { readJsonBody } from '../http/body';
import { HttpError, sendError, sendJson } from '../http/errors';
import { noteConversation } from '../http/request-log';
import { DirectLineChannel, type ConversationTicket } from './channel';
import { answerPreflight, applyCors, bearer, queryParam } from './http';
import { resolveOptions, type DirectLineBucket, type DirectLineOptions } from './options';

export interface DirectLine {
  channel: DirectLineChannel;
  /** Where the routes live, e.g. `/v3/directline` (Web Chat's `domain` is origin + this). */
  basePath: string;
  /** What a portal back end gets from POST /tokens/generate, without the HTTP round trip. */
  generateToken(user?: { id?: string }): ConversationTicket;
}

type Reply = { status: number; body: unknown };

/**
 * Mounts a Direct Line 3.0 channel (polling only, no WebSocket stream) on the server.
 * Reads its own JSON bodies (or uses what src/http/body.ts read), at most
 * `limits.maxBodyBytes`; every route counts against its rate-limit bucket.
 */
export function registerDirectLine(server: Server, options: DirectLineOptions): DirectLine {
  const resolved = resolveOptions(options);
  const channel = new DirectLineChannel(resolved);
  const base = resolved.basePath;
  const maxBody = resolved.limits.maxBodyBytes;

  /** A route: CORS, then the rate limit of its bucket (none when `bucket` says so), then the handler. */
  const route = (
    bucket: DirectLineBucket | ((req: Request) => DirectLineBucket | undefined),
    handler: (req: Request) => Promise<Reply> | Reply,
  ) => async (req: Request, res: Response) => {
    try {
      if (!applyCors(req, res, resolved.allowedOrigins)) {
        throw new HttpError(403, 'OriginNotAllowed', 'Origin not allowed');
      }
      if (req.params?.conversationId) noteConversation(String(req.params.conversationId));
      const counted = typeof bucket === 'function' ? bucket(req) : bucket;
      if (counted) await resolved.rateLimit(req, counted);
      const { status, body } = await handler(req);
      sendJson(res, status, body);
    } catch (error) {
      sendError(res, error);
    }
  };
  const caller = (req: Request) => channel.authenticate(bearer(req));
  const conversationId = (req: Request) => String(req.params.conversationId);
  const client = (req: Request) => resolved.clientOf(req);

  const paths = {
    generate: `${base}/tokens/generate`,
    refresh: `${base}/tokens/refresh`,
    conversations: `${base}/conversations`,
    conversation: `${base}/conversations/:conversationId`,
    activities: `${base}/conversations/:conversationId/activities`,
  };

  // Only the secret's holder (a portal back end) may generate tokens. Its calls are not
  // limited per client (they all come from the portal's server); guesses at the secret are.
  const unlessSecret = (req: Request) => (channel.tokens.isSecret(bearer(req) ?? '') ? undefined : 'tokens');
  server.post(
    paths.generate,
    route(unlessSecret, async (req) => ({ status: 200, body: channel.generateToken(caller(req), await readJsonBody(req, maxBody)) })),
  );
  server.post(paths.refresh, route('tokens', (req) => ({ status: 200, body: channel.refreshToken(caller(req)) })));
  server.post(
    paths.conversations,
    route('conversations', async (req) => {
      const { created, ...ticket } = await channel.startConversation(caller(req), client(req), await readJsonBody(req, maxBody));
      noteConversation(ticket.conversationId);
      return { status: created ? 201 : 200, body: ticket };
    }),
  );
  server.get(
    paths.conversation,
    route('polls', async (req) => ({ status: 200, body: await channel.reconnect(caller(req), conversationId(req), client(req)) })),
  );
  server.post(
    paths.activities,
    route('messages', async (req) => {
      const who = caller(req);
      const body = await readJsonBody(req, maxBody);
      return { status: 200, body: await channel.postActivity(who, conversationId(req), body) };
    }),
  );
  server.get(
    paths.activities,
    route('polls', async (req) => ({
      status: 200,
      body: await channel.getActivities(caller(req), conversationId(req), queryParam(req, 'watermark')),
    })),
  );

  for (const path of Object.values(paths)) {
    server.opts(path, async (req: Request, res: Response) => answerPreflight(req, res, resolved.allowedOrigins));
  }

  return {
    channel,
    basePath: base,
    generateToken: (user) => channel.generateToken({ kind: 'secret' }, user ? { user } : undefined),
  };
}
