// npm run check:breaking: the breaking-change gate (scripts/breaking/breaking-changes.ts) on the
// committed bundle against the last released spec. Exit 1: a breaking change without a major bump
// of info.version; exit 0: none, or the major was bumped; exit 2: cannot run. Env BASE_SPEC /
// REVISION_SPEC point it at other specs.
import { checkBreakingChanges } from './breaking/breaking-changes.ts';

const { code, messages } = checkBreakingChanges({
  ...(process.env.BASE_SPEC ? { base: process.env.BASE_SPEC } : {}),
  ...(process.env.REVISION_SPEC ? { revision: process.env.REVISION_SPEC } : {}),
});
for (const { stream, text } of messages) (stream === 'out' ? console.log : console.error)(text);
process.exitCode = code;
