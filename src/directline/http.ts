import type { Request, Response } from 'restify';

/** An answer other than 2xx, sent as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.sendRaw(status, json, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

export function sendError(res: Response, error: unknown): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  console.error('Unexpected error', error);
  sendJson(res, 500, { error: { code: 'ServiceError', message: 'Internal error' } });
}

/**
 * The JSON body, whether or not the server installed restify's bodyParser: use what it
 * parsed, else read the stream here. Empty body → undefined.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  if (declaredLength > maxBytes) throw new HttpError(413, 'PayloadTooLarge', `Body larger than ${maxBytes} bytes`);

  const parsed = (req as { body?: unknown }).body;
  if (parsed !== undefined && parsed !== null) {
    if (typeof parsed === 'string' || Buffer.isBuffer(parsed)) return parseJson(parsed.toString());
    return parsed;
  }
  // bodyParser ran and found nothing (or the stream is already gone): no body.
  if ((req as { _readBody?: boolean })._readBody || req.readableEnded) return undefined;

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'PayloadTooLarge', `Body larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadSyntax', 'Body is not valid JSON');
  }
}

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
