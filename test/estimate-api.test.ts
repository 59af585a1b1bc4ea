import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningApp } from './support/server';

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ base, close } = await listeningApp());
});
afterAll(() => close());

const post = async (body: unknown) => {
  const response = await fetch(`${base}/api/estimate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe('POST /api/estimate', () => {
  it('returns the estimate as data, with the formula and the clause', async () => {
    const { status, body } = await post({ rule: 'two-integration', inputs: { isSme: true, investment: 3_000_000, completed: true } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rule: 'two-integration', status: 'eligible', amount: 600000, clause: '措施（八）' });
    expect(body.formula.text).toContain('3,000,000 × 20% = 600,000');
    expect(body.conditions.every((c: { met: boolean }) => c.met)).toBe(true);
    expect(body.validity.to).toBe('2022-12-31');
  });

  it('says why an enterprise is not eligible', async () => {
    const { status, body } = await post({ rule: 'two-integration', inputs: { isSme: true, investment: 400_000, completed: true } });
    expect(status).toBe(200);
    expect(body.status).toBe('ineligible');
    expect(body.conditions.find((c: { input: string }) => c.input === 'investment')).toMatchObject({ met: false, clause: '措施（八）' });
  });

  it('applies the cumulative cap of the security platform', async () => {
    const { body } = await post({
      rule: 'security-emergency-platform',
      inputs: { registeredInQingdao: true, isRegionalEmergencyPlatform: true, annualOperatingCost: 5_000_000, alreadyReceived: 1_500_000 },
    });
    expect(body.amount).toBe(500000);
  });

  it('answers a missing or mistyped input with the zod issues', async () => {
    const missing = await post({ rule: 'two-integration', inputs: { isSme: true, completed: true } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid-input');
    expect(missing.body.error.issues[0].path).toEqual(['investment']);
    const mistyped = await post({ rule: 'two-integration', inputs: { isSme: 'yes', investment: 3_000_000, completed: true } });
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.error.issues[0].path).toEqual(['isSme']);
  });

  it('answers a body that is not JSON with a JSON 400', async () => {
    const { status, body } = await post('{"rule": ');
    expect(status).toBe(400);
    expect(body.error.code).toBe('BadSyntax');
    expect(body.error.message).toContain('not valid JSON');
  });

  it('answers a body without a rule with 400 and an unknown rule with 404', async () => {
    expect((await post({ inputs: {} })).status).toBe(400);
    const unknown = await post({ rule: 'free-money', inputs: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown-rule');
    expect(unknown.body.error.message).not.toContain('free-money'); // never echoes the input
  });
});

describe('GET /api/rules', () => {
  it('lists every rule with its inputs and Chinese questions', async () => {
    const body = (await (await fetch(`${base}/api/rules`)).json()) as { rules: any[] };
    const twoIntegration = body.rules.find((r) => r.id === 'two-integration');
    expect(twoIntegration.clause).toBe('措施（八）');
    expect(twoIntegration.inputs.map((i: { key: string }) => i.key).sort()).toEqual(['completed', 'investment', 'isSme']);
    expect(twoIntegration.inputs.every((i: { question: string }) => /？$/.test(i.question))).toBe(true);
    expect(body.rules.filter((r) => r.kind === 'not-quantified').map((r) => r.measure).sort((a, b) => a - b)).toEqual([4, 7, 10, 11]);
  });
});
