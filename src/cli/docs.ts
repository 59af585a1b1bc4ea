/** Rewrites the rules section of README.md from the rules' declarations: npm run docs */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../knowledge';
import { rulesMarkdown, withRulesSection } from '../replies/rules-doc';
import { describeRules } from '../rules';

const readmePath = join(projectRoot(), 'README.md');
writeFileSync(readmePath, withRulesSection(readFileSync(readmePath, 'utf8'), rulesMarkdown(describeRules())));
console.log(`rules section of ${readmePath} regenerated`);
