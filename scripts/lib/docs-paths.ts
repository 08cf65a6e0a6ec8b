import { resolve } from 'node:path';
import { projectRoot } from './generated-dir.ts';

/** Where `npm run docs` writes: dist/ is not committed. */
export const docsDir = resolve(projectRoot, 'dist', 'docs');
/** The self-contained page. */
export const docsPage = resolve(docsDir, 'index.html');
/** The full-page screenshot the browser test saves for people to look at. */
export const docsScreenshot = resolve(projectRoot, 'dist', 'docs-screenshot.png');
