const { createApp } = require('/work/main/dist/src/app.js');
const { createInProcessDelivery } = require('/work/main/dist/src/directline/in-process.js');
const { respond } = require('/work/main/dist/src/replies/index.js');
const { ActivityHandler } = require('/work/main/node_modules/botbuilder');
const qs = require('/work/main/dist/src/cli/bench-questions.js').benchQuestions(400);
(async () => {
  const app = await createApp({ STORAGE: 'memory', INSIGHTS_ENABLED: process.env.INS !== 'off' });
  const deliver = createInProcessDelivery(app.adapter, app.bot);
  class Echo extends ActivityHandler { constructor() { super(); this.onMessage(async (c, n) => { await c.sendActivity('您说：' + c.activity.text); await n(); }); } }
  const echo = createInProcessDelivery(app.adapter, new Echo());
  const act = (i, text) => ({ type: 'message', id: 'q' + i, text, channelId: 'bench', serviceUrl: 'http://x', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' + (i % 20) } });
  const ctx = { notice: require('/work/main/dist/src/knowledge/index.js').loadKnowledge().notice, search: app.search, isEstimable: () => true };
  for (let i = 0; i < 2000; i++) { await deliver(act(i, qs[i % 400])); await echo(act(i, qs[i % 400])); respond(qs[i % 400], 8, ctx); }
  const N = 4000;
  let t = process.cpuUsage(); for (let i = 0; i < N; i++) respond(qs[i % 400], i % 3 ? 8 : undefined, ctx); let r = process.cpuUsage(t);
  console.log('respond()   ', ((r.user + r.system) / N / 1000).toFixed(3), 'ms');
  t = process.cpuUsage(); for (let i = 0; i < N; i++) await deliver(act(i, qs[i % 400])); r = process.cpuUsage(t);
  console.log('bot turn    ', ((r.user + r.system) / N / 1000).toFixed(3), 'ms');
  t = process.cpuUsage(); for (let i = 0; i < N; i++) await echo(act(i, qs[i % 400])); r = process.cpuUsage(t);
  console.log('echo turn   ', ((r.user + r.system) / N / 1000).toFixed(3), 'ms');
  process.exit(0);
})();
