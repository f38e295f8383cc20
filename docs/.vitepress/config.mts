// The docs site: VitePress, English at / and Chinese at /zh/, every derivation page a Markdown file
// whose ```stepdiff fences the project's own markdown-it plugin renders at build time (a bad fence
// fails the build with its file, line and column). The sidebar is read from the pages' own titles.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import stepdiff from '../../dist/lib/plugins/markdown-it.js';

const DOCS = fileURLToPath(new URL('..', import.meta.url));

/** The derivation pages of a locale's folder, each with the title its first line gives. */
function derivations(folder: string, base: string): DefaultTheme.SidebarItem[] {
  return readdirSync(join(DOCS, folder, 'derivations'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ text: readFileSync(join(DOCS, folder, 'derivations', f), 'utf8').split('\n', 1)[0]!.replace(/^#\s+/, ''), link: `${base}derivations/${f.replace(/\.md$/, '')}` }));
}

const WORDS = {
  en: { guide: 'Guide', start: 'Getting started', api: 'API', cli: 'Command line', playground: 'Playground', derivations: 'Derivations' },
  zh: { guide: '指南', start: '快速上手', api: 'API', cli: '命令行', playground: '在线试用', derivations: '推导' },
};

function themeOf(locale: 'en' | 'zh'): DefaultTheme.Config {
  const base = locale === 'en' ? '/' : '/zh/';
  const w = WORDS[locale];
  return {
    nav: [
      { text: w.start, link: `${base}getting-started` },
      { text: w.playground, link: `${base}playground` },
      { text: w.derivations, link: `${base}derivations/sigmoid-quotient` },
    ],
    sidebar: [
      { text: w.guide, items: [{ text: w.start, link: `${base}getting-started` }, { text: w.api, link: `${base}api` }, { text: w.cli, link: `${base}cli` }, { text: w.playground, link: `${base}playground` }] },
      { text: w.derivations, collapsed: false, items: derivations(locale === 'en' ? '.' : 'zh', base) },
    ],
    outline: { level: [2, 3], ...(locale === 'zh' ? { label: '本页目录' } : {}) },
    ...(locale === 'zh'
      ? { docFooter: { prev: '上一页', next: '下一页' }, darkModeSwitchLabel: '深色模式', sidebarMenuLabel: '目录', returnToTopLabel: '回到顶部', langMenuLabel: '语言' }
      : {}),
  };
}

export default defineConfig({
  title: 'stepdiff',
  description: 'Symbolic differentiation that shows its work.',
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  cleanUrls: false,
  lastUpdated: false,
  // The derivation pages are long HTML blocks: nothing for Vue to do inside them.
  markdown: {
    config: (md) => {
      md.use(stepdiff, { onError: 'throw' });
    },
  },
  locales: {
    root: { label: 'English', lang: 'en', themeConfig: themeOf('en') },
    zh: { label: '中文', lang: 'zh-CN', link: '/zh/', themeConfig: themeOf('zh') },
  },
  themeConfig: {
    search: {
      provider: 'local',
      options: {
        locales: {
          zh: { translations: { button: { buttonText: '搜索', buttonAriaLabel: '搜索' }, modal: { noResultsText: '没有结果', resetButtonTitle: '清除', footer: { selectText: '选择', navigateText: '切换', closeText: '关闭' } } } },
        },
      },
    },
  },
  vite: {
    // The playground imports the library's browser bundle, which imports KaTeX: one copy for the page.
    optimizeDeps: { include: ['katex'] },
    // A derivation page's chunk is its rendered HTML (KaTeX's spans), hundreds of kB by nature.
    build: { chunkSizeWarningLimit: 4096 },
  },
});
