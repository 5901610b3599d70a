// The layers of ARCHITECTURE.md are enforced by the linter: each case lints a one-line import as if it
// were a file of that layer, and expects the layer rule to fire (or not).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message);
}

describe('layer import rules', () => {
  it.each([
    ['shared/domain/probe.ts', "import 'node:fs';"],
    ['shared/domain/probe.ts', "import 'path';"],
    ['shared/domain/probe.ts', "import 'react';"],
    ['shared/domain/probe.ts', "import 'electron';"],
    ['shared/api/probe.ts', "import '../../server/start';"],
    ['renderer/src/app/probe.ts', "import 'electron';"],
    ['renderer/src/app/probe.ts', "import 'node:crypto';"],
    ['renderer/src/app/probe.ts', "import '../../../server/start';"],
    ['renderer/src/app/probe.ts', "import 'drizzle-orm';"],
    ['server/probe.ts', "import 'electron';"],
    ['server/probe.ts', "import '../renderer/src/main';"],
    ['electron/main/probe.ts', "import '../../renderer/src/main';"],
    ['renderer/src/features/sign-in/probe.ts', "import '../new-call/new-call-page';"],
  ])('%s may not %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/app/probe.ts', "import '../../../shared/domain/cpr/index';"],
    ['shared/api/probe.ts', "import 'zod';"],
    ['server/probe.ts', "import 'node:crypto';"],
    ['electron/main/probe.ts', "import '../../server/start';"],
    ['renderer/src/features/sign-in/probe.ts', "import './sign-in-page';"],
  ])('%s may %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
