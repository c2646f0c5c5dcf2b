// The lint rule that keeps HTML sinks and console calls out of src/ (eslint.config.js)
// really bites: each forbidden construct, in a file placed under src/, is an error,
// and the shipped sources are clean.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsIn(code: string, file = 'src/panel/sample.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.message);
}

describe('eslint HTML-sink rule', () => {
  it.each([
    ['innerHTML assignment', 'el.innerHTML = data;'],
    ['innerHTML by key', "el['innerHTML'] = data;"],
    ['outerHTML', 'node.outerHTML = data;'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', data);"],
    ['createContextualFragment', 'range.createContextualFragment(data);'],
    ['document.write', 'document.write(data);'],
    ['window.document.writeln', 'window.document.writeln(data);'],
    ['JSX dangerouslySetInnerHTML', 'const v = <div dangerouslySetInnerHTML={{ __html: data }} />;'],
    ['h() props dangerouslySetInnerHTML', "h('div', { dangerouslySetInnerHTML: { __html: data } });"],
    ['console', 'console.log(data);'],
    ['eval', 'eval(data);'],
  ])('rejects %s', async (_, code) => {
    expect(await errorsIn(`declare const el: any, node: any, range: any, data: string, h: any;\n${code}`)).toHaveLength(1);
  });

  it('accepts text rendering', async () => {
    expect(await errorsIn('declare const el: HTMLElement, data: string;\nel.textContent = data;\nconst v = <pre>{data}</pre>;')).toEqual([]);
  });

  it('applies to every context folder, and src/ is clean', async () => {
    for (const folder of ['page', 'content', 'background', 'devtools', 'panel', 'protocol', 'core']) {
      expect(await errorsIn('declare const el: any; el.innerHTML = "x";', `src/${folder}/x.ts`)).toHaveLength(1);
    }
    const results = await eslint.lintFiles(['src']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  }, 60_000);
});
