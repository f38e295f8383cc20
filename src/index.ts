// The package's Node entry: the whole API (api.ts, which also runs in a browser) and what needs
// Node's file system, the standalone pages that inline KaTeX's CSS and fonts.

export * from './api.js';
export { toPage } from './present/page.js';
