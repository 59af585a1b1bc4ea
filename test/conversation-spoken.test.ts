import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { startConversation, textOf } from './support/chat';

/**
 * How people say things, as a second blind set of conversations showed (issue 10, third
 * round): spoken requests to estimate, spoken yes/no forms, facts that contradict a
 * condition, lists asked in other words, follow-ups put colloquially, paraphrase. Through
 * the real app (TestAdapter), with sentences of our own.
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const chat = () => {
  const conversation = startConversation(app);
  return { ask: async (text: string) => textOf(await conversation.say(text)) };
};

/** The first words of an interview: 好的，我们来估算**<title>**（措施（N））… */
const startsInterview = (title: string) => new RegExp(`^好的，我们来估算\\*\\*${title}\\*\\*`);

describe('spoken requests to estimate start the interview of the measure the other words name', () => {
  it.each([
    ['上云用平台的奖补帮我测下', '平台服务商上云用平台奖补'],
    ['帮忙估一估两化融合能补多少', '两化融合项目奖补'],
    ['安全应急处置平台的补助给我算一算', '安全应急处置平台补助'],
    ['标识解析那笔奖励帮我看看能拿多少', '标识解析项目奖励'],
    ['两化融合这块你替我测一测', '两化融合项目奖补'],
  ])('%s', async (text, title) => {
    expect(await chat().ask(text)).toMatch(startsInterview(title));
  });

  it('naming nothing, the measure just discussed', async () => {
    const c = chat();
    await c.ask('两化融合项目有什么补贴');
    expect(await c.ask('那帮我估下')).toMatch(startsInterview('两化融合项目奖补'));
  });

  it('算 in other senses is no request to estimate', async () => {
    expect(await chat().ask('拨改投算不算补贴')).toMatch(/^\*\*不算补贴\*\*/);
    expect(await chat().ask('我们打算下个月上MES，政府能补吗')).not.toMatch(/^好的，我们来估算/);
  });
});

describe('spoken yes/no forms get the verdict first, judged on the facts they state', () => {
  it('…够格不 / …行不行 at the threshold: 以上 and 不低于 include it, so 能, with the amount', async () => {
    const provider = await chat().ask('我们在服务商名录里，去年服务本地企业整整50家，服务收入刚够1000万，够格不');
    expect(provider).toMatch(/^\*\*能，符合条件\*\*[^\n]*2,000,000\.00 元/);
    const sme = await chat().ask('小型企业，MES已经上线了，投资正好50万，行不行');
    expect(sme).toMatch(/^\*\*能，符合条件\*\*[^\n]*100,000\.00 元/);
  });

  it('…可以不 / …批不批: 不能 with the condition unmet', async () => {
    expect(await chat().ask('大企业搞两化融合可以不')).toMatch(/^\*\*不能\*\*[^\n]*中小企业/);
    expect(await chat().ask('两化融合项目投了40万，批不批')).toMatch(/^\*\*不能\*\*[^\n]*50万元以上/);
  });

  it('…算达标吗 with a count is judged, the rest of the conditions still open', async () => {
    const reply = await chat().ask('本地企业服务了正好50家算达标吗');
    expect(reply).toMatch(/^\*\*能，如果\*\*[^\n]*措施（六）/);
    expect(reply).toMatch(/✔ 年度服务本地企业数[^\n]*50家/);
  });

  it('a question about the conditions that states the facts is judged on them', async () => {
    const c = chat();
    await c.ask('上云用平台奖补是怎么回事');
    expect(await c.ask('服务本地企业30家，服务收入2000万，条件够吗')).toMatch(/^\*\*不能\*\*[^\n]*50家以上/);
    expect(await c.ask('我们服务了30家本地企业，门槛是啥')).toMatch(/^\*\*不能\*\*[^\n]*50家以上/);
  });

  it('a yes/no form about one-time or yearly stays a question about that', async () => {
    const c = chat();
    await c.ask('上云用平台奖补多少');
    expect(await c.ask('是每年都给的不')).toMatch(/^\*\*是\*\*：措施（六）[^\n]*是按年度的/);
  });
});

describe('facts that contradict a condition by level or by kind', () => {
  it('a project approved by the province or the district is not one approved by the state: 不能 for （九）', async () => {
    const province = await chat().ask('我们的标识解析项目是省工信厅立项支持的，可以拿5%吗');
    expect(province).toMatch(/^\*\*不能\*\*[^\n]*国家立项/);
    expect(await chat().ask('区里立项的标识解析项目，有没有奖励')).toMatch(/^\*\*不能\*\*/);
    expect(await chat().ask('标识解析项目不是国家立项的，只有省里支持，能拿吗')).toMatch(/^\*\*不能\*\*/);
  });

  it('the facts alone choose the award they are about: 政府投资 and 评上了十佳 → （三）’s 十佳场景, 不能', async () => {
    const reply = await chat().ask('政府投资的智慧交通项目评上了十佳，给奖不');
    expect(reply).toMatch(/^\*\*不能\*\*[^\n]*措施（三）[^\n]*政府投资项目除外/);
    expect(await chat().ask('没评上十佳的5G场景能拿奖励吗')).toMatch(/^\*\*不能\*\*[^\n]*十佳/);
  });

  it('an enterprise that uses a platform’s cloud services is not the platform service provider （六） pays', async () => {
    const reply = await chat().ask('我们厂买了卡奥斯的云服务，政府能直接补给我们吗');
    expect(reply).toMatch(/^\*\*不能直接\*\*[^\n]*措施（六）[^\n]*平台服务商/);
    expect(reply).toContain('优惠');
    expect(await chat().ask('我们是用户企业，用了平台的云服务，可以领上云补贴吗')).toMatch(/^\*\*不能直接\*\*/);
  });

  it('a participant in an identifier-resolution project is not the enterprise that undertakes it', async () => {
    const reply = await chat().ask('我们只是参与了别人牵头的标识解析项目，能拿5%的奖励吗');
    expect(reply).toMatch(/^\*\*不能直接\*\*[^\n]*措施（九）[^\n]*承担企业/);
  });
});

describe('lists asked in other words', () => {
  it('有没有年年都可以拿的奖补 is a list by period, not a question about combining', async () => {
    const reply = await chat().ask('有没有年年都可以拿的奖补');
    const yearly = reply.slice(reply.indexOf('**按年度**'));
    expect(reply.indexOf('**按年度**')).toBeGreaterThan(0);
    expect(yearly).toContain('措施（六）');
    expect(yearly).toContain('措施（十二）');
    expect(reply).not.toContain('同时享受');
  });

  it('a measure named with a period word gets whether it is one-time or yearly', async () => {
    expect(await chat().ask('安全应急处置平台有没有每年都能拿的补助')).toMatch(/^\*\*有\*\*：措施（十二）[^\n]*是按年度的/);
  });

  it('全部… / 所有… with 罗列, 列一下 is the list of what pays', async () => {
    for (const text of ['把全部有上限的补贴罗列出来', '所有给钱的奖励列一下']) {
      expect(await chat().ask(text)).toMatch(/^通知写明了金额或比例的奖补有以下\d+项/);
    }
  });

  it('what a kind of enterprise can get: the awards whose subject it is', async () => {
    const reply = await chat().ask('工业互联网平台企业有哪些奖补可以申请');
    expect(reply).toMatch(/^适用于“工业互联网平台”的奖补有以下2项/);
    expect(reply).toMatch(/措施（三）“工业赋能”场景示范奖励[^\n]*300万元/);
    expect(reply).toMatch(/措施（六）平台服务商上云用平台奖补[^\n]*20%/);
    // One kind that one award pays: that award, judged on what the kind says (50万元 for a 数字化车间).
    expect(await chat().ask('数字化车间能拿哪些奖励')).toMatch(/^\*\*能，如果\*\*[^\n]*措施（三）[\s\S]*500,000\.00 元/);
  });

  it('单个…最高 naming a measure is that measure’s cap, not the largest award of all', async () => {
    const reply = await chat().ask('单个平台服务商一年最高能拿多少');
    expect(reply).toMatch(/^\*\*措施（六）/);
    expect(reply).toContain('最高不超过500万元');
  });
});

describe('follow-ups put colloquially stay on the measure just discussed', () => {
  it('a verb with its complement (投到, 拿到手) is how the question is put, not a topic the notice lacks', async () => {
    const c = chat();
    await c.ask('财政资金拨改投怎么回事');
    expect(await c.ask('那最高能投到几成')).toMatch(/^措施（十三）[\s\S]*总股本的50%/);
  });

  it('a noun the notice lacks still leaves the topic', async () => {
    const c = chat();
    await c.ask('拨改投怎么回事');
    expect(await c.ask('首台套的比例是多少')).toMatch(/^通知没有提到“首台套”/);
  });
});

describe('small talk asked two ways at once', () => {
  it('你是谁呀，真人还是机器人: an automated assistant, no human here, and whom to contact', async () => {
    const reply = await chat().ask('你是谁呀，真人还是机器人？');
    expect(reply).toContain('不是真人');
    expect(reply).toContain('市工业和信息化局');
    expect(await chat().ask('是真人在回复吗')).toContain('不是真人');
  });
});

describe('paraphrase: what an enterprise did, in its own words, reaches the measure that pays for it', () => {
  it('a rough amount (一百来万) is read, and the verdict says the figure is approximate', async () => {
    const reply = await chat().ask('我们小公司换了一套新的ERP，仓库和车间也都联网了，总共花了一百来万，已经上线，政府补不补');
    expect(reply).toMatch(/^\*\*能，符合条件\*\*[^\n]*措施（八）|^\*\*能，符合条件\*\*[^\n]*两化融合/);
    expect(reply).toContain('200,000.00 元');
    expect(reply).toMatch(/约数[^\n]*近似/);
  });

  it('编码 and 部委 are the notice’s 标识 and 中央财政: （九）', async () => {
    const reply = await chat().ask('我们承担的产品编码解析项目拿到了部委的专项资金，市里会配套奖励吗');
    expect(reply).toContain('措施（九）');
    expect(reply).toContain('5%');
    expect(reply).not.toMatch(/^通知没有提到/);
  });

  it('a 5G or AI scene with its smart hardware and software spending is （三）’s 十佳场景 award, whatever else it names', async () => {
    const reply = await chat().ask('我们拿人工智能给社区搞了个智慧康养的场景，软硬件一共花了700万，评上优秀能拿奖金吗');
    expect(reply).toMatch(/措施（三）/);
    expect(reply).toContain('700,000.00 元');
    expect(reply).not.toMatch(/^通知没有提到/);
  });

  it('facts alone do not make a question about something else one about a measure', async () => {
    expect(await chat().ask('我们是小企业，投了100万装光伏板，能补吗')).toMatch(/^通知没有提到“[^”]*光伏/);
  });
});

describe('a question about a measure’s own concept is answered, not hedged, when one everyday word is all it lacks', () => {
  it('one verb the measure does not write (发放): the measure, saying what it does not mention', async () => {
    const reply = await chat().ask('两化融合奖补一般什么时候发放');
    expect(reply).toMatch(/^措施（八）[^\n]*没有提到“发放”/);
    expect(reply).not.toContain('最相关');
  });

  it('how an award is computed (计算基数, 按什么算) is its figures; 标示 is how some write 标识', async () => {
    expect(await chat().ask('两化融合奖补的计算基数是啥')).toMatch(/^\*\*措施（八）[\s\S]*投资额的20%/);
    expect(await chat().ask('标示解析项目有什么奖励')).toMatch(/措施（九）[\s\S]*5%/);
  });

  it('a noun the measure lacks is another topic: still only the nearest (人才落户), or not in the notice (专利)', async () => {
    expect(await chat().ask('人才落户有什么政策')).toContain('最相关的是措施（十七）');
    expect(await chat().ask('标识解析专利有奖励吗')).toMatch(/^通知没有提到“专利”/);
  });
});

describe('a kind of enterprise that one award is for', () => {
  it('有没有针对中小企业的补贴: （八）, which supports SMEs, not a measure that merely writes 针对', async () => {
    expect(await chat().ask('有没有针对中小企业的补贴')).toMatch(/^\*\*有\*\*：措施（八）/);
    expect(await chat().ask('中小企业能拿哪些补贴')).toMatch(/措施（八）/);
    expect(await chat().ask('有没有工业互联网平台的奖励')).toMatch(/^适用于“工业互联网平台”的奖补有以下2项/);
  });
});

describe('facts beside another topic do not make it a measure’s', () => {
  it.each([
    ['我们投了100万做网络安全等保测评，能补吗', '测评'],
    ['我们花了300万搞了个直播带货平台，能给点补贴吗', '直播'],
  ])('%s', async (question, term) => {
    expect(await chat().ask(question)).toMatch(new RegExp(`^通知没有提到“[^”]*${term}`));
  });
});

describe('an amount right after 能拿 is the award asked about, not a fact', () => {
  it('我们的智慧工厂被市里新认定了，能拿100万不: （三）, judged on the statements', async () => {
    expect(await chat().ask('我们的智慧工厂被市里新认定了，能拿100万不')).toMatch(/^\*\*能，符合条件\*\*[^\n]*“工业赋能”场景示范奖励[^\n]*1,000,000\.00 元/);
  });
});
