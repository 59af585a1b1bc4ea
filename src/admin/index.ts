import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { readJsonBody } from '../http/body';
import { HttpError, sendError, sendJson } from '../http/errors';
import { dayOf, type InsightsStore } from '../insights/events';
import { TABLES, tableOf, toCsv, type TableName } from '../insights/csv';
import { labelled } from '../insights/labels';
import { summarize } from '../insights/summary';
import { escapeHtml } from '../portal/security';
import { StaticFile, webDir } from '../portal/static-files';
import { AdminAuth } from './session';

export interface AdminOptions {
  /** ADMIN_TOKEN: without it nothing here is mounted. */
  token: string;
  insights: InsightsStore;
  /** Counts a login attempt (or a request with a wrong token) of its client; throws 429 past the limit. */
  rateLimitGuess: (req: Request) => Promise<void>;
  now?: () => number;
}

const COOKIE = 'qd_admin';
const SESSION_SECONDS = 12 * 3600;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const RangeSchema = z
  .object({
    from: z.string().regex(DAY, 'from must be YYYY-MM-DD').optional(),
    to: z.string().regex(DAY, 'to must be YYYY-MM-DD').optional(),
  })
  .refine(({ from, to }) => !from || !to || from <= to, { message: 'from must not be after to' });

const LoginSchema = z.object({ token: z.string({ error: 'token is required' }).min(1).max(512) });

/** Pages of the dashboard: never framed, nothing inline, nothing from another origin. */
const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': ADMIN_CSP,
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The operator dashboard at /admin (issue: 好差评 and unanswered questions): a token login,
 * the figures of a date range as charts (Apache ECharts, served from this server) and
 * tables, each exportable as CSV. Mounted only when ADMIN_TOKEN is set.
 */
export function registerAdmin(server: Server, options: AdminOptions): void {
  const auth = new AdminAuth(options.token, SESSION_SECONDS, options.now);
  const now = options.now ?? Date.now;
  const web = webDir();
  const pages = { login: readFileSync(join(web, 'admin-login.html'), 'utf8'), dashboard: readFileSync(join(web, 'admin.html'), 'utf8') };
  const echarts = new StaticFile(join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'), 'application/javascript; charset=utf-8', 'public, max-age=86400');
  const script = new StaticFile(join(web, 'admin.js'), 'application/javascript; charset=utf-8', 'no-cache');
  const style = new StaticFile(join(web, 'admin.css'), 'text/css; charset=utf-8', 'no-cache');
  const echartsVersion = (JSON.parse(readFileSync(require.resolve('echarts/package.json'), 'utf8')) as { version: string }).version;

  /** The caller is the operator: a valid session cookie, or the token as a Bearer credential. */
  const signedIn = async (req: Request): Promise<boolean> => {
    if (auth.isSession(cookie(req, COOKIE))) return true;
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (bearer === undefined) return false;
    await options.rateLimitGuess(req);
    return auth.isToken(bearer);
  };
  const requireOperator = async (req: Request) => {
    if (!(await signedIn(req))) throw new HttpError(401, 'Unauthorized', 'Sign in with the admin token');
  };

  server.get('/admin', async (req: Request, res: Response) => {
    const ok = await signedIn(req).catch(() => false);
    const template = ok ? pages.dashboard : pages.login;
    res.sendRaw(ok ? 200 : 401, template.replaceAll('{{ECHARTS_VERSION}}', escapeHtml(echartsVersion)), PAGE_HEADERS);
  });

  server.post('/admin/login', async (req: Request, res: Response) => {
    try {
      await options.rateLimitGuess(req);
      const body = LoginSchema.safeParse(await readJsonBody(req, 4096));
      if (!body.success) throw new HttpError(400, 'BadArgument', body.error.issues[0].message);
      if (!auth.isToken(body.data.token)) throw new HttpError(401, 'Unauthorized', '令牌不正确 (wrong token)');
      const secure = req.isSecure() || String(req.headers['x-forwarded-proto'] ?? '').startsWith('https');
      res.setHeader(
        'Set-Cookie',
        `${COOKIE}=${auth.issue()}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure ? '; Secure' : ''}`,
      );
      sendJson(res, 200, { ok: true });
    } catch (error) {
      sendError(res, error);
    }
  });

  server.post('/admin/logout', async (_req: Request, res: Response) => {
    res.setHeader('Set-Cookie', `${COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`);
    sendJson(res, 200, { ok: true });
  });

  const rangeOf = (req: Request) => {
    const parsed = RangeSchema.safeParse(req.query ?? {});
    if (!parsed.success) throw new HttpError(400, 'BadArgument', parsed.error.issues[0].message);
    const to = parsed.data.to ?? dayOf(now());
    const from = parsed.data.from ?? dayOf(Date.parse(`${to}T00:00:00Z`) - 29 * 24 * 3600_000);
    if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 366 * 24 * 3600_000) {
      throw new HttpError(400, 'BadArgument', 'a range of at most 366 days');
    }
    return { from, to };
  };
  const summaryOf = async (req: Request) => {
    const { from, to } = rangeOf(req);
    return labelled(summarize(await options.insights.between(from, to), from, to));
  };

  server.get('/admin/api/summary', async (req: Request, res: Response) => {
    try {
      await requireOperator(req);
      sendJson(res, 200, await summaryOf(req));
    } catch (error) {
      sendError(res, error);
    }
  });

  server.get('/admin/api/export/:table', async (req: Request, res: Response) => {
    try {
      await requireOperator(req);
      const table = String(req.params.table).replace(/\.csv$/, '');
      if (!(TABLES as readonly string[]).includes(table)) throw new HttpError(404, 'NotFound', `tables: ${TABLES.join(', ')}`);
      const summary = await summaryOf(req);
      res.sendRaw(200, toCsv(tableOf(summary, table as TableName)), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${table}_${summary.from}_${summary.to}.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      sendError(res, error);
    }
  });

  server.get('/admin/assets/echarts.min.js', async (req: Request, res: Response) => echarts.send(req, res));
  server.get('/admin/assets/admin.js', async (req: Request, res: Response) => script.send(req, res));
  server.get('/admin/assets/admin.css', async (req: Request, res: Response) => style.send(req, res));
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
