import type { Next, Request, Response } from 'restify';
import { HttpError, sendError } from './errors';

/**
 * Request bodies: JSON only, never compressed, never larger than the limit as read.
 * Nothing else is parsed, so no multipart upload ever reaches the disk and no gzip bomb
 * is ever inflated (restify's own bodyParser does both, and crashes on a bad gzip body).
 */

/** Refuses any Content-Encoding but identity, on every route and method, before routing. */
export function identityEncodingOnly(req: Request, res: Response, next: Next): void {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    refuse(res, new HttpError(415, 'UnsupportedEncoding', 'Content-Encoding is not supported: send the body uncompressed'));
    next(false);
    return;
  }
  next();
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Reads a JSON body into req.body (undefined when there is none). A body of another type
 * is refused (415) before a byte of it is read; one over `maxBytes` (declared or as read)
 * gets 413; malformed JSON gets 400.
 */
export function jsonBody(maxBytes: number) {
  return (req: Request, res: Response, next: Next): void => {
    readJsonBody(req, maxBytes).then(
      () => next(),
      (error: unknown) => {
        refuse(res, error);
        next(false);
      },
    );
  };
}

type ReadRequest = Request & { body?: unknown; bodyBytes?: number };

/**
 * The request's JSON body, read once (by `jsonBody` or here), held to `maxBytes`: a route
 * with a smaller limit than the server's still gets 413 for a body it already read.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const read = req as ReadRequest;
  if (read.bodyBytes === undefined) {
    const { value, bytes } = await readBody(req, maxBytes);
    read.body = value;
    read.bodyBytes = bytes;
  }
  if (read.bodyBytes > maxBytes) throw new HttpError(413, 'PayloadTooLarge', `Body larger than ${maxBytes} bytes`);
  return read.body;
}

async function readBody(req: Request, maxBytes: number): Promise<{ value: unknown; bytes: number }> {
  const declared = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || Number(declared) === 0)) return { value: undefined, bytes: 0 };
  if (!JSON_TYPE.test(String(req.headers['content-type'] ?? ''))) {
    throw new HttpError(415, 'UnsupportedMediaType', 'Only application/json bodies are accepted');
  }
  if (Number(declared) > maxBytes) throw new HttpError(413, 'PayloadTooLarge', `Body larger than ${maxBytes} bytes`);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'PayloadTooLarge', `Body larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { value: undefined, bytes: size };
  try {
    return { value: JSON.parse(text), bytes: size };
  } catch {
    throw new HttpError(400, 'BadSyntax', 'Body is not valid JSON');
  }
}

/** Answers a refused request and closes the connection: its unread body is not worth reading. */
function refuse(res: Response, error: unknown): void {
  res.setHeader('Connection', 'close');
  sendError(res, error);
}
