import type { Response } from 'restify';
import { log } from '../log';
import { StoreUnavailableError } from '../state/store';

/** An answer other than 2xx, sent as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Headers every JSON answer carries: never cached, never sniffed as something else. */
export const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.sendRaw(status, JSON.stringify(body), { ...JSON_HEADERS, ...headers });
}

/** The JSON error every route uses: { error: { code, message, issues? } }. */
export function sendErrorBody(res: Response, status: number, code: string, message: string, issues?: unknown): void {
  sendJson(res, status, { error: { code, message, ...(issues ? { issues } : {}) } });
}

/** An HttpError as its JSON answer; anything else is logged and answered 500 without detail. */
export function sendError(res: Response, error: unknown): void {
  if (error instanceof StoreUnavailableError) {
    sendJson(res, 503, { error: { code: 'StoreUnavailable', message: '暂时无法处理，请稍后再试 (store unavailable)' } }, { 'Retry-After': '5' });
    return;
  }
  if (error instanceof HttpError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
    return;
  }
  log.error({ err: error }, 'unexpected error');
  sendJson(res, 500, { error: { code: 'ServiceError', message: 'Internal error' } });
}
