import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown, withRulesSection } from '../src/replies/rules-doc';
import { describeRules } from '../src/rules';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('documents the rules as they are declared (npm run docs regenerates the section)', () => {
    expect(withRulesSection(readme, rulesMarkdown(describeRules()))).toBe(readme);
  });

  it('gives the commands a newcomer needs, and they exist', () => {
    const scripts = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const command of ['npm install', 'npm start', 'npm test']) expect(readme).toContain(command);
    for (const script of [...readme.matchAll(/npm run ([\w:]+)/g)].map((m) => m[1])) expect(scripts).toHaveProperty(script);
  });
});
