import { AsyncLocalStorage } from 'node:async_hooks';
import type { Next, Request, Response } from 'restify';
import { hashId, log } from '../log';

/** What a request's log line says besides route, status and time; filled in while it runs. */
export interface RequestNote {
  /** Hash of the conversation id (never the id itself). */
  conversation?: string;
  /** answered, not-found, interview, refused… */
  outcome?: string;
  /** Hash of the client address, for rate-limit investigations. */
  client?: string;
}

const notes = new AsyncLocalStorage<RequestNote>();

/** Adds to the log line of the request being handled (a no-op outside a request). */
export function noteRequest(note: RequestNote): void {
  const current = notes.getStore();
  if (current) Object.assign(current, note);
}

export const noteConversation = (conversationId: string): void => noteRequest({ conversation: hashId(conversationId) });

/**
 * One line per request when its answer is sent: method, route, status, latency and the
 * notes (conversation hash, outcome). A refused request (4xx) is one line at `info`, never
 * a stack trace.
 */
export function requestLogging(req: Request, res: Response, next: Next): void {
  const started = process.hrtime.bigint();
  const note: RequestNote = {};
  res.once('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const route = (req.getRoute?.()?.path as string | undefined) ?? 'unmatched';
    log.info({ method: req.method, route, status: res.statusCode, ms: Math.round(ms * 100) / 100, ...note }, 'request');
  });
  notes.run(note, next);
}
