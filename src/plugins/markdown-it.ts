// The markdown-it plugin (VitePress, and anything built on markdown-it): md.use(stepdiff, options)
// renders every ```stepdiff fence as its derivation. markdown-it is the host, a peer dependency:
// nothing here imports it, the plugin is handed the instance.

import { renderBlock, type StepdiffMarkdownOptions } from './fence.js';

export { StepdiffMarkdownError, type StepdiffMarkdownOptions } from './fence.js';

/** The parts of a markdown-it instance the plugin uses (a method, so markdown-it's own rule type fits it). */
interface MarkdownItLike {
  readonly renderer: { rules: { fence?(tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown): string } };
}
interface FenceToken {
  readonly info: string;
  readonly content: string;
  readonly map: readonly [number, number] | null;
}

/** The file a host says it is rendering: VitePress's env.relativePath or env.path, when given. */
function fileOf(env: unknown): string | undefined {
  if (env === null || typeof env !== 'object') return undefined;
  const e = env as { relativePath?: unknown; path?: unknown };
  return typeof e.relativePath === 'string' ? e.relativePath : typeof e.path === 'string' ? e.path : undefined;
}

/** Renders ```stepdiff fences as derivations; other fences as before. */
export default function stepdiff(md: MarkdownItLike, options: StepdiffMarkdownOptions = {}): void {
  const fallback = md.renderer.rules.fence?.bind(md.renderer.rules);
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    if (token.info.trim().split(/\s+/)[0] !== 'stepdiff') {
      if (fallback === undefined) throw new Error('markdown-it has no fence renderer to fall back on');
      return fallback(tokens, idx, opts, env, self);
    }
    return renderBlock(token.info, token.content, { ...(fileOf(env) === undefined ? {} : { file: fileOf(env)! }), line: (token.map?.[0] ?? 0) + 1 }, options);
  };
}
