// The docs presentation (docs-presentation.ts) as a Redocly decorator, the mechanism Redocly offers
// for changing a description before it is published: `redocly bundle` with docs-page/redocly.yaml
// runs it on the whole document. Redocly loads the compiled file (dist/docs/), so the repository's
// docs build and the installed package's run the same code.
import type { BundledSpec } from '../spec/spec-schemas.ts';
import { docsPresentation } from './docs-presentation.ts';

/** Rewrites the document in place: Redocly serializes the object it visited. */
function presentInPlace(root: Record<string, unknown>): void {
  const presented = docsPresentation(root as BundledSpec) as Record<string, unknown>;
  for (const key of Object.keys(root)) delete root[key];
  Object.assign(root, presented);
}

export default function offRampDocsPlugin() {
  return {
    id: 'off-ramp-docs',
    decorators: {
      oas3: {
        presentation: () => ({ Root: { leave: presentInPlace } }),
      },
    },
  };
}
