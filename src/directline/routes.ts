import type { Request, Response, Server } from 'restify';
import { DirectLineChannel, type ConversationTicket } from './channel';
import { HttpError, answerPreflight, applyCors, bearer, queryParam, readJsonBody, sendError, sendJson } from './http';
import { resolveOptions, type DirectLineOptions } from './options';

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
 * Works with or without restify's queryParser/bodyParser installed.
 */
export function registerDirectLine(server: Server, options: DirectLineOptions): DirectLine {
  const resolved = resolveOptions(options);
  const channel = new DirectLineChannel(resolved);
  const base = resolved.basePath;
  const maxBody = resolved.limits.maxBodyBytes;

  const route = (handler: (req: Request) => Promise<Reply> | Reply) => async (req: Request, res: Response) => {
    try {
      if (!applyCors(req, res, resolved.allowedOrigins)) {
        throw new HttpError(403, 'OriginNotAllowed', 'Origin not allowed');
      }
      const { status, body } = await handler(req);
      sendJson(res, status, body);
    } catch (error) {
      sendError(res, error);
    }
  };
  const caller = (req: Request) => channel.authenticate(bearer(req));
  const conversationId = (req: Request) => String(req.params.conversationId);

  const paths = {
    generate: `${base}/tokens/generate`,
    refresh: `${base}/tokens/refresh`,
    conversations: `${base}/conversations`,
    conversation: `${base}/conversations/:conversationId`,
    activities: `${base}/conversations/:conversationId/activities`,
  };

  server.post(
    paths.generate,
    route(async (req) => ({ status: 200, body: channel.generateToken(caller(req), await readJsonBody(req, maxBody)) })),
  );
  server.post(paths.refresh, route((req) => ({ status: 200, body: channel.refreshToken(caller(req)) })));
  server.post(
    paths.conversations,
    route(async (req) => {
      const { created, ...ticket } = channel.startConversation(caller(req), await readJsonBody(req, maxBody));
      return { status: created ? 201 : 200, body: ticket };
    }),
  );
  server.get(paths.conversation, route((req) => ({ status: 200, body: channel.reconnect(caller(req), conversationId(req)) })));
  server.post(
    paths.activities,
    route(async (req) => {
      const who = caller(req);
      const body = await readJsonBody(req, maxBody);
      return { status: 200, body: await channel.postActivity(who, conversationId(req), body) };
    }),
  );
  server.get(
    paths.activities,
    route((req) => ({
      status: 200,
      body: channel.getActivities(caller(req), conversationId(req), queryParam(req, 'watermark')),
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
