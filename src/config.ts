import { z } from 'zod';

const commaList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const booleanSetting = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const perMinute = z.coerce.number().int().min(1).max(1_000_000);

/**
 * Every setting the server reads, validated at start. .env.example documents each.
 * Empty Microsoft* values mean local and unauthenticated, as the Emulator expects.
 */
const fromEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().optional(),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).or(z.literal('')).default(''),
  MicrosoftAppTenantId: z.string().default(''),
  /** Secret with which a portal's back end asks this server for Direct Line tokens. */
  DIRECTLINE_SECRET: z.string().min(16, 'DIRECTLINE_SECRET must be at least 16 characters').default(''),
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  /** Portal origins allowed to embed the assistant (CORS and frame-ancestors). */
  ALLOWED_ORIGINS: commaList.pipe(z.array(z.url())),
  /** Where conversations live: sqlite (default, survives restarts), redis (several instances), memory (tests). */
  STORAGE: z.enum(['sqlite', 'redis', 'memory']).default('sqlite'),
  /** The SQLite store's folder. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** The Redis server for STORAGE=redis. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
  /** Conversations untouched this long are forgotten. */
  CONVERSATION_TTL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  MAX_CONVERSATIONS: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
  /** Live Direct Line conversations one client may hold; past it, its own least recently used goes. */
  MAX_CONVERSATIONS_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Without MicrosoftAppId: who may post to /api/messages (the Emulator on this machine, or nobody). */
  UNAUTHENTICATED_MESSAGES: z.enum(['loopback', 'off']).default('loopback'),
  /** Reverse proxies whose X-Forwarded-For is believed, by IP address. */
  TRUST_PROXY: commaList.pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'TRUST_PROXY lists IP addresses' }))),
  /** POST /api/webchat/token: hands tokens for new conversations to this server's pages. */
  WEBCHAT_DEMO_TOKENS: booleanSetting.default(true),
  /** Per client and minute: messages (Direct Line posts and /api/messages). */
  RATE_LIMIT_MESSAGES: perMinute.default(600),
  /** Per client and minute: new Direct Line conversations. */
  RATE_LIMIT_CONVERSATIONS: perMinute.default(30),
  /** Per client and minute: Direct Line tokens (demo token endpoint, refresh). */
  RATE_LIMIT_TOKENS: perMinute.default(60),
  /** Per client and minute: Web Chat's polls for replies (one a second per open chat). */
  RATE_LIMIT_POLLS: perMinute.default(600),
  /** Per client and minute: /api/search, /api/estimate, /api/rules. */
  RATE_LIMIT_API: perMinute.default(600),
  /** Record what enterprises ask and how they rate answers, for /admin and npm run insights. */
  INSIGHTS_ENABLED: booleanSetting.default(true),
  /** Days the insights keep their events (个人信息保护法: no longer than needed). */
  INSIGHTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Token of the operator dashboard at /admin; empty: no dashboard. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').default(''),
  /** Per client and minute: sign-in attempts on /admin (wrong tokens included). */
  RATE_LIMIT_ADMIN_LOGIN: perMinute.default(10),
  /** Structured log level (JSON lines on stdout). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** On SIGTERM: seconds for turns in flight to finish before the process exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(120).default(10),
});

/** A setting left empty in .env (PORT=) means "use the default", as if it were absent. */
export const ConfigSchema = z.preprocess(
  (env) =>
    Object.fromEntries(Object.entries(env as Record<string, unknown>).filter(([, value]) => value !== '' && value !== undefined)),
  fromEnv,
);
export const CONFIG_KEYS = Object.keys(fromEnv.shape);

export type AppConfig = z.infer<typeof fromEnv>;

/** Reads the config from an environment; throws one readable error listing every bad setting. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings (see .env.example):\n${problems.join('\n')}`);
  }
  return result.data;
}
