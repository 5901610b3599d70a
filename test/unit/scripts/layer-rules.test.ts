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
    // Inside server/: never back up a layer.
    ['server/db/probe.ts', "import '../services/audit/append';"],
    ['server/db/probe.ts', "import '../handlers/health';"],
    ['server/db/probe.ts', "import '../compose';"],
    ['server/services/codes/probe.ts', "import '../../handlers/health';"],
    ['server/services/codes/probe.ts', "import '../../http/build-app';"],
    ['server/services/codes/probe.ts', "import '../../activation-page/plugin';"],
    ['server/services/probe.ts', "import '../compose';"],
    ['server/handlers/probe.ts', "import '../http/build-app';"],
    ['server/handlers/probe.ts', "import '../start';"],
    ['server/http/probe.ts', "import '../compose';"],
    // Renderer zones: components import neither features nor app; app only through the screen registry.
    ['renderer/src/components/probe.ts', "import '../features/sign-in/sign-in-page';"],
    ['renderer/src/components/probe.ts', "import '../app/auth';"],
    ['renderer/src/app/probe.ts', "import '../features/lock/idle-lock';"],
    ['renderer/src/app/layout/probe.ts', "import '../../features/lock/idle-lock';"],
  ])('%s may not %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/app/probe.ts', "import '../../../shared/domain/cpr/index';"],
    ['shared/api/probe.ts', "import 'zod';"],
    ['server/probe.ts', "import 'node:crypto';"],
    ['electron/main/probe.ts', "import '../../server/start';"],
    ['renderer/src/features/sign-in/probe.ts', "import './sign-in-page';"],
    ['server/http/probe.ts', "import '../handlers/context';"],
    ['server/handlers/probe.ts', "import '../services/principal';"],
    ['server/services/codes/probe.ts', "import '../../db/policy';"],
    ['renderer/src/features/sign-in/probe.ts', "import '../../app/auth';"],
    ['renderer/src/features/sign-in/probe.ts', "import '../../components/page';"],
  ])('%s may %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('import cycles in the renderer', () => {
  // A real file of app/ that the screen registry imports (through the sign-in page): importing the
  // registry from it closes a cycle, as routes.tsx and sign-in-page.tsx once did.
  it('refuses an import that closes a cycle', async () => {
    const [result] = await eslint.lintText("import { screens } from './screens';\nexport const probe = screens;\n", {
      filePath: 'renderer/src/app/auth.tsx',
    });
    expect(result?.messages.filter((m) => m.ruleId === 'import-x/no-cycle')).not.toEqual([]);
  });

  it('lets a module import one that does not lead back to it', async () => {
    const [result] = await eslint.lintText("import { screens } from './screens';\nexport const probe = screens;\n", {
      filePath: 'renderer/src/app/layout/probe.ts',
    });
    expect(result?.messages.filter((m) => m.ruleId === 'import-x/no-cycle')).toEqual([]);
  });
});
