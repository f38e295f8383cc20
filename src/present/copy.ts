// The copy buttons of rendered formulas: toHTML writes each hidden, with its LaTeX in data-latex; this
// script shows them and copies on click. It is self-contained (no imports, no outer names) so that a
// standalone page can inline it as text, and a site or the playground can call it.

/** Shows every copy button under `root` and makes a click put its formula's LaTeX on the clipboard; returns a function that undoes it. */
export function enableCopyButtons(root: Document | HTMLElement): () => void {
  const show = (): void => {
    for (const button of root.querySelectorAll<HTMLButtonElement>('button.sd-copy[hidden]')) button.hidden = false;
  };
  const onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.('button.sd-copy');
    if (!(button instanceof HTMLButtonElement)) return;
    const latex = button.dataset.latex ?? '';
    const label = button.textContent;
    const done = (text: string): void => {
      button.textContent = text;
      setTimeout(() => (button.textContent = label), 1500);
    };
    navigator.clipboard.writeText(latex).then(() => done('✓'), () => done('✗'));
  };
  show();
  // Formulas added later (the playground re-renders as one types) get their buttons shown too.
  const observer = new MutationObserver(show);
  observer.observe(root, { childList: true, subtree: true });
  root.addEventListener('click', onClick);
  return () => {
    observer.disconnect();
    root.removeEventListener('click', onClick);
  };
}
