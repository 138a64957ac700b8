/**
 * The copy buttons: a page's address and a story's republishing text are selectable without
 * JavaScript; where it runs, one button copies them. Each button names the field it copies.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy ?? '');
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !navigator.clipboard) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = button.dataset.copied ?? label;
    } catch {
      // Refused (an insecure page, a denied permission): the reader can still select the text.
      field.select();
    }
  });
}
