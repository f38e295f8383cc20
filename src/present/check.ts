// A checked derivation for reading: the learner's lines beside the correct derivation, each marked
// right or wrong, the mistake under the first wrong one; as Markdown and as an HTML page.

import type { WorkCheck } from '../engine/work-check.js';
import { checkLabels, lineLabel } from '../engine/work-check.js';
import type { Locale } from '../engine/locale.js';
import { toLatex } from '../expr/latex.js';
import { escapeHtml, toHTML } from './html.js';
import { toMarkdown } from './markdown.js';
import { renderMath } from './render.js';
import { withinStack } from '../expr/errors.js';

/** The check as Markdown: each line with its mark, the mistake and what was expected, then the derivation. */
export function checkMarkdown(c: WorkCheck, locale: Locale = 'en'): string {
  return withinStack(() => {
    const words = checkLabels(locale);
    const out: string[] = [];
    c.lines.forEach((l, i) => {
      out.push(`- ${l.equal ? '✓' : '✗'} **${lineLabel(i, locale)}**: $${toLatex(l.expr)}$ (${l.equal ? words.right : words.wrong})`);
      if (l.mistake !== undefined) {
        out.push(`  - ${words.mistake} \`${l.mistake.id}\`: ${c.explanationIn(i, locale)}`);
        out.push(`  - ${words.expected}: $${toLatex(l.mistake.expected)}$`);
      }
    });
    if (c.correct) out.push('', words.correct);
    out.push('', `## ${words.derivation}`, '', toMarkdown(c.derivation, locale));
    return out.join('\n');
  });
}

/** The check as an HTML fragment: the learner's lines in a table, the wrong one marked, then the derivation. */
export function checkFragment(c: WorkCheck, locale: Locale = 'en'): string {
  return withinStack(() => {
    const words = checkLabels(locale);
    const rows = c.lines.map((l, i) => {
      const mark = l.equal ? '✓' : '✗';
      const mistake = l.mistake === undefined ? '' : `<p class="mistake"><strong>${escapeHtml(words.mistake)}</strong> <code>${escapeHtml(l.mistake.id)}</code>: ${escapeHtml(c.explanationIn(i, locale)!)}</p><p>${escapeHtml(words.expected)}: ${renderMath(toLatex(l.mistake.expected), false)}</p>`;
      return `<tr class="${l.equal ? 'right' : 'wrong'}"><th scope="row">${escapeHtml(lineLabel(i, locale))}</th><td>${renderMath(toLatex(l.expr), false)}${mistake}</td><td aria-label="${escapeHtml(l.equal ? words.right : words.wrong)}">${mark}</td></tr>`;
    });
    const body = [
      `<section class="stepdiff check" lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`,
      `<table class="lines"><tbody>${rows.join('')}</tbody></table>`,
      c.correct ? `<p>${escapeHtml(words.correct)}</p>` : '',
      '</section>',
      `<h2>${escapeHtml(words.derivation)}</h2>`,
      toHTML(c.derivation, locale),
    ].join('\n');
    return body;
  });
}
