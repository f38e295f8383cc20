// The site's theme: VitePress's own, KaTeX's CSS and fonts bundled from the installed package (served
// by the site, no CDN), stepdiff's stylesheet, the copy buttons and KaTeX's copy-tex (copying a
// selected formula copies its LaTeX), and the playground component.

import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import 'katex/dist/katex.min.css';
import '../../../dist/lib/stepdiff.css';
import './custom.css';
import { enableCopyButtons } from '../../../src/present/copy';
import Playground from './Playground.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('Playground', Playground);
    if (!import.meta.env.SSR) {
      enableCopyButtons(document);
      void import('katex/contrib/copy-tex');
    }
  },
} satisfies Theme;
