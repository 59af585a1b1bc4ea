import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { ConversationTicket } from '../directline/channel';
import { answerPreflight, applyCors } from '../directline/http';
import { HttpError, sendError, sendJson } from '../http/errors';
import { normalizeOrigins } from '../directline/options';
import { escapeHtml, pageCsp, pageHeaders } from './security';
import { StaticFile, webChatBundle, webDir } from './static-files';

export interface PortalOptions {
  /** Portal origins that may frame the chat and call the token endpoint (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Direct Line endpoint for Web Chat; default: this server's /v3/directline (worked out in the browser). */
  directLineDomain?: string;
  /**
   * Plays the portal back end for the demo page and for embeds without data-token-url:
   * POST /api/webchat/token answers with what this returns (WEBCHAT_DEMO_TOKENS). Omit to
   * switch that endpoint off: the pages then need a portal's data-token-url.
   */
  demoTokenIssuer?: () => ConversationTicket | Promise<ConversationTicket>;
  /** Counts a token request of its client; throws 429 past the limit. */
  rateLimit?: (req: Request) => Promise<void>;
  /** Web Chat's polling interval (ms, at least 200). */
  pollingIntervalMs?: number;
}

export const TOKEN_PATH = '/api/webchat/token';

/**
 * The demo portal page (GET /), the chat page for iframes (GET /chat), the embed snippet
 * (GET /embed.js), their assets (GET /assets/*) and the demo token endpoint.
 */
export function registerPortal(server: Server, options: PortalOptions): void {
  const allowedOrigins = normalizeOrigins(options.allowedOrigins);
  const directLineDomain = options.directLineDomain?.replace(/\/+$/, '');
  const directLineOrigin = directLineDomain ? new URL(directLineDomain).origin : undefined;
  const pollingIntervalMs = Math.max(200, options.pollingIntervalMs ?? 1000);
  const web = webDir();
  const bundle = webChatBundle();

  const page = (file: string) => {
    const template = readFileSync(join(web, file), 'utf8');
    return async (req: Request, res: Response) => {
      const nonce = randomBytes(16).toString('base64');
      const config = {
        directLineDomain: directLineDomain ?? null,
        tokenUrl: options.demoTokenIssuer ? TOKEN_PATH : null,
        allowedOrigins,
        pollingIntervalMs,
        nonce,
      };
      const html = template
        .replaceAll('{{CONFIG}}', escapeHtml(JSON.stringify(config)))
        .replaceAll('{{WEBCHAT_VERSION}}', escapeHtml(bundle.version));
      res.sendRaw(200, html, pageHeaders(pageCsp({ nonce, allowedOrigins, directLineOrigin }), allowedOrigins));
    };
  };
  server.get('/', page('index.html'));
  server.get('/chat', page('chat.html'));

  const serve = (file: StaticFile) => async (req: Request, res: Response) => file.send(req, res);
  const js = 'application/javascript; charset=utf-8';
  // Versioned URL (?v=) in the pages, so a day of caching is safe across upgrades.
  server.get('/assets/webchat.js', serve(new StaticFile(bundle.path, js, 'public, max-age=86400')));
  server.get('/assets/chat.js', serve(new StaticFile(join(web, 'chat.js'), js, 'public, max-age=300')));
  server.get('/assets/portal.css', serve(new StaticFile(join(web, 'portal.css'), 'text/css; charset=utf-8', 'public, max-age=300')));
  server.get(
    '/embed.js',
    serve(
      new StaticFile(join(web, 'embed.js'), js, 'public, max-age=300', {
        // Portals that isolate themselves (COEP) may still load the snippet.
        'Cross-Origin-Resource-Policy': 'cross-origin',
      }),
    ),
  );

  const issue = options.demoTokenIssuer;
  if (!issue) return;
  // Browsers send an Origin with this POST, so other sites' pages are refused; a script
  // outside a browser can send any Origin, so the per-client rate limit is what bounds it.
  // A token only opens a new, empty conversation with this public bot.
  server.opts(TOKEN_PATH, async (req: Request, res: Response) => answerPreflight(req, res, allowedOrigins));
  server.post(TOKEN_PATH, async (req: Request, res: Response) => {
    try {
      if (!applyCors(req, res, allowedOrigins)) throw new HttpError(403, 'OriginNotAllowed', 'Origin not allowed');
      await options.rateLimit?.(req);
      sendJson(res, 200, await issue());
    } catch (error) {
      sendError(res, error);
    }
  });
}
