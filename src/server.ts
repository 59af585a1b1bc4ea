import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import { z } from 'zod';
import type { Notice } from './knowledge';
import type { PolicySearch } from './search';
import type { PolicyBot } from './bot';
import { describeRules, estimate, getRule } from './rules';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: PolicyBot;
  search: PolicySearch;
  notice: Notice;
}

const SearchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(500, 'q must be at most 500 characters'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** The least an activity needs before the adapter sees it; the adapter checks the rest. */
const ActivityBodySchema = z.looseObject({
  type: z.string().min(1, 'activity type is required'),
  conversation: z.looseObject({ id: z.string().min(1) }, { error: 'conversation.id is required' }),
  serviceUrl: z.string().min(1, 'serviceUrl is required'),
});

const EstimateBodySchema = z.object({
  rule: z.string({ error: 'rule is required (see GET /api/rules)' }).min(1),
  inputs: z.record(z.string(), z.unknown(), { error: 'inputs must be an object of answers' }).default({}),
});

/** A JSON error body every route uses: { error: { code, message, issues? } }. */
export function jsonError(res: restify.Response, status: number, code: string, message: string, issues?: unknown): void {
  res.status(status);
  res.json({ error: { code, message, ...(issues ? { issues } : {}) } });
}

/**
 * The HTTP surface: Bot Framework messages, the JSON search API and health.
 * Routes only translate HTTP to calls on the bot and the core.
 */
export function createServer({ adapter, bot, search, notice }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'qingdao-policy-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 64 * 1024 }));
  // restify's own errors (bad JSON, body too large, no such route) in our JSON error shape.
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, error: Error & { body?: { code?: string } }, callback: () => void) => {
    const code = error.body?.code ?? error.name;
    Object.assign(error, { toJSON: () => ({ error: { code, message: error.message } }) });
    callback();
  });

  server.post('/api/messages', async (req, res) => {
    const parsed = ActivityBodySchema.safeParse(req.body);
    if (!parsed.success) {
      return jsonError(res, 400, 'invalid-activity', parsed.error.issues[0].message, parsed.error.issues);
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/api/search', async (req, res) => {
    const parsed = SearchQuerySchema.safeParse(req.query ?? {});
    if (!parsed.success) {
      return jsonError(res, 400, 'invalid-query', parsed.error.issues[0].message, parsed.error.issues);
    }
    const { q, limit } = parsed.data;
    const { hits } = search.search(q, { limit });
    res.json({
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
  });

  server.get('/api/rules', async (_req, res) => {
    res.json({ rules: describeRules() });
  });

  server.post('/api/estimate', async (req, res) => {
    const body = EstimateBodySchema.safeParse(req.body ?? {});
    if (!body.success) return jsonError(res, 400, 'invalid-body', body.error.issues[0].message, body.error.issues);
    const rule = getRule(body.data.rule);
    if (!rule) return jsonError(res, 404, 'unknown-rule', `unknown rule: ${body.data.rule} (see GET /api/rules)`);
    // The API wants every answer (defaults aside), even when one answer already rules the
    // enterprise out: a form should not post half an answer. The interviews stop early instead.
    if (rule.kind === 'quantified') {
      const complete = rule.schema.safeParse(body.data.inputs);
      if (!complete.success) {
        return jsonError(res, 400, 'invalid-input', complete.error.issues[0].message, complete.error.issues);
      }
    }
    const result = estimate(rule, body.data.inputs);
    if (!result.ok) return jsonError(res, 400, result.error, result.issues[0]?.message ?? result.error, result.issues);
    res.json(result.estimate);
  });

  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok', measures: notice.sections.reduce((n, s) => n + s.measures.length, 0) });
  });

  return server;
}
