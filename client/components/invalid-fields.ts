/**
 * The fields under `root` that fail their own constraints (`required`, `min`, pattern…), in
 * document order: what a step must have filled in before the next one.
 */
export const invalidFields = (root: HTMLElement): HTMLInputElement[] =>
  Array.from(root.querySelectorAll<HTMLInputElement>('input, select, textarea')).filter(
    (field) => !field.disabled && !field.checkValidity(),
  );

/** A field's visible label, for an error that names what is missing. */
export const fieldLabel = (field: HTMLInputElement): string =>
  field.labels?.[0]?.textContent?.trim() || field.getAttribute('aria-label') || '';
