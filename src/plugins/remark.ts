// The remark plugin (the unified ecosystem: Docusaurus, Astro, MDX): unified().use(remarkStepdiff)
// replaces every ```stepdiff code block with its derivation's HTML, as an `html` node (with
// remark-rehype, pass allowDangerousHtml and add rehype-raw, or stringify with allowDangerousHtml).
// unified is the host, a peer dependency: nothing here imports it.

import { renderBlock, StepdiffMarkdownError, type StepdiffMarkdownOptions } from './fence.js';

export { StepdiffMarkdownError, type StepdiffMarkdownOptions } from './fence.js';

/** The parts of an mdast node the plugin reads and writes. */
interface MdastNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: MdastNode[];
  position?: { start: { line: number; column: number } };
}

/** The parts of a vfile the plugin uses: its path, and fail, which throws with the place. */
interface FileLike {
  readonly path?: string;
  fail?(reason: string, place?: unknown): never;
}

/** The unified attacher: a transformer that renders ```stepdiff blocks. */
export default function remarkStepdiff(options: StepdiffMarkdownOptions = {}): (tree: MdastNode, file: FileLike) => void {
  return (tree, file) => {
    const visit = (node: MdastNode): void => {
      for (const child of node.children ?? []) {
        if (child.type === 'code' && child.lang === 'stepdiff') {
          const info = `stepdiff ${child.meta ?? ''}`;
          const place = { ...(file.path === undefined ? {} : { file: file.path }), line: child.position?.start.line ?? 1 };
          try {
            const html = renderBlock(info, child.value ?? '', place, options);
            child.type = 'html';
            child.value = html;
            delete child.lang;
            delete child.meta;
          } catch (error) {
            // vfile's fail throws a message carrying the file and the place, as unified's tools report them.
            if (error instanceof StepdiffMarkdownError && file.fail !== undefined) file.fail(error.message, { line: error.line, column: error.column });
            throw error;
          }
        } else visit(child);
      }
    };
    visit(tree);
  };
}
