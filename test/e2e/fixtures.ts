import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import restify from 'restify';
import { createInProcessDelivery, registerDirectLine } from '../../src/directline';
import { registerPortal } from '../../src/portal';
import { jsonBody } from '../../src/http/body';
import { MAX_BODY_BYTES } from '../../src/server';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Stands in for the policy bot when src/app.ts (createApp) is not there: greets with a
 * suggested question, answers it citing a measure, and shows a hero card for 查看原文.
 */
export class StandInPolicyBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id)) {
        await context.sendActivity(
          MessageFactory.suggestedActions(['两化融合项目补贴多少'], '您好！我是青岛市工业互联网政策助手，请问有什么可以帮您？'),
        );
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      const submitted = (context.activity.value as { action?: string } | undefined)?.action;
      if (submitted) {
        await context.sendActivity(`已收到表单：${submitted}`);
      } else if (text.includes('申报条件')) {
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(APPLICATION_CARD)] });
      } else if (text.includes('查看原文')) {
        await context.sendActivity({
          attachments: [
            CardFactory.heroCard(
              '（八）推进两化深度融合',
              '支持中小企业在研发设计、生产制造、经营管理等环节开展两化融合……',
              [],
              [{ type: 'imBack', title: '还有哪些补贴', value: '还有哪些补贴' }],
            ),
          ],
        });
      } else if (text.includes('两化')) {
        await context.sendActivity(
          MessageFactory.suggestedActions(['查看原文'], '根据通知“（八）推进两化深度融合”，对两化融合项目给予补贴。'),
        );
      } else {
        await context.sendActivity(`收到：${text}`);
      }
      await next();
    });
  }
}

const APPLICATION_CARD = {
  type: 'AdaptiveCard',
  version: '1.3',
  body: [
    { type: 'TextBlock', text: '申报条件', weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: '在本市注册的中小企业，项目已完成验收。', wrap: true },
  ],
  actions: [{ type: 'Action.Submit', title: '我要申报', data: { action: 'apply' } }],
};

export interface RunningApp {
  url: string;
  /** Which bot answers: the real PolicyBot from createApp, or StandInPolicyBot. */
  bot: 'real' | 'stand-in';
  /** Whether createApp itself mounted Direct Line and the portal (else this fixture did). */
  wiredByApp: boolean;
  close(): Promise<void>;
}

/** The Direct Line secret; a test portal back end uses it to call /tokens/generate. */
export const SECRET = 'e2e-secret-0123456789abcdef';

interface AppLike {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: ActivityHandler;
}

/**
 * The real app (src/app.ts createApp) when it exists, else a stand-in server. If createApp
 * does not mount Direct Line and the portal yet, they are mounted here on its server, with
 * its adapter and bot, the way src/app.ts is meant to.
 */
export async function startApp({ allowedOrigins = [] as string[] } = {}): Promise<RunningApp> {
  const appModule = join(__dirname, '..', '..', 'src', 'app.ts');
  if (existsSync(appModule)) {
    const { createApp } = (await import(appModule)) as { createApp?: (config?: Record<string, unknown>) => Promise<AppLike> };
    if (typeof createApp === 'function') {
      const app = await createApp({ STORAGE: 'memory', PORT: 0, DIRECTLINE_SECRET: SECRET, ALLOWED_ORIGINS: allowedOrigins });
      const wiredByApp = hasRoute(app.server, '/v3/directline/conversations');
      if (!wiredByApp) mountChannelAndPortal(app.server, app.adapter, app.bot, allowedOrigins);
      return listen(app.server, 'real', wiredByApp);
    }
  }
  return listen(createStandInServer(allowedOrigins), 'stand-in', false);
}

function hasRoute(server: restify.Server, path: string): boolean {
  // restify keeps routes in an object keyed by route name (its typings say an array).
  const routes = Object.values(server.router.getRoutes() as unknown as object) as { path: string }[];
  return routes.some((route) => route.path === path);
}

function mountChannelAndPortal(server: restify.Server, adapter: CloudAdapter, bot: ActivityHandler, allowedOrigins: string[]): void {
  const directLine = registerDirectLine(server, {
    deliver: createInProcessDelivery(adapter, bot),
    secret: SECRET,
    bot: { id: 'policy-assistant', name: '政策助手' },
  });
  registerPortal(server, { allowedOrigins, demoTokenIssuer: () => directLine.generateToken() });
}

/** The stand-in bot behind Direct Line and the portal, whatever src/app.ts does. */
export async function startStandIn(): Promise<RunningApp> {
  return listen(createStandInServer(), 'stand-in', false);
}

export function createStandInServer(allowedOrigins: string[] = []): restify.Server {
  const server = restify.createServer();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBody(MAX_BODY_BYTES));
  mountChannelAndPortal(server, new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), new StandInPolicyBot(), allowedOrigins);
  return server;
}

async function listen(server: restify.Server, bot: RunningApp['bot'], wiredByApp: boolean): Promise<RunningApp> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bot,
    wiredByApp,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
