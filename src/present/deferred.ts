// The other half of toHTML's `defer`: a formula left as its LaTeX inside a closed <details> is
// rendered by KaTeX when a reader opens it (and only its own formulas, not those of the closed
// <details> inside it).

import { renderMath } from './render.js';

/** Renders the deferred formulas of each <details> under `root` as it opens; returns a function that stops. */
export function renderWhenOpened(root: Document | HTMLElement): () => void {
  const onToggle = (event: Event): void => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open) return;
    for (const element of details.querySelectorAll<HTMLElement>('.sd-deferred[data-latex]')) {
      if (element.closest('details') !== details) continue;
      element.innerHTML = renderMath(element.dataset.latex!, element.dataset.display === 'true');
      element.classList.remove('sd-deferred');
      element.removeAttribute('data-latex');
    }
  };
  // 'toggle' does not bubble: an ancestor hears it while capturing.
  root.addEventListener('toggle', onToggle, true);
  return () => root.removeEventListener('toggle', onToggle, true);
}
