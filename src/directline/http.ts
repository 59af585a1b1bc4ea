import type { Request, Response } from 'restify';
import { sendJson } from '../http/errors';

/** `?name=` from the URL, without relying on restify's queryParser. */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** The Bearer credential, or undefined. */
export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** The origin this request would have if it came from a page of this server. */
export function ownOrigin(req: Request): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : '') || (req.isSecure() ? 'https' : 'http');
  return `${proto}://${host}`;
}

export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, x-ms-bot-agent, X-Requested-With';

/**
 * Adds CORS headers when the request's Origin is allowed. Returns false when the request
 * carries an Origin that is neither this server nor an allowed portal.
 */
export function applyCors(req: Request, res: Response, allowedOrigins: readonly string[]): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return true; // not a cross-origin browser request
  if (origin === ownOrigin(req)) return true;
  if (!allowedOrigins.includes(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Max-Age', '600');
  return true;
}

/** Answers a CORS preflight: 204 with the allowances for an allowed origin, 403 otherwise. */
export function answerPreflight(req: Request, res: Response, allowedOrigins: readonly string[]): void {
  if (!applyCors(req, res, allowedOrigins)) {
    sendJson(res, 403, { error: { code: 'OriginNotAllowed', message: 'Origin not allowed' } });
    return;
  }
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
  res.sendRaw(204, '');
}
