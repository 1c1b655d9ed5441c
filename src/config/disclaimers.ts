/** Disclaimer templates: the mid-day default wording and the placeholders a template may use. */

/** The wording mid-day prints under agency copy; `{publisher}` becomes `publisher.name`. */
export const DEFAULT_DISCLAIMER =
  'This story has been sourced from a third party syndicated feed, agencies. {publisher} accepts no ' +
  'responsibility or liability for its dependability, trustworthiness, reliability and data of the text. ' +
  '{publisher} management reserves the sole right to alter, delete or remove (without notice) the content ' +
  'in its absolute discretion for any reason whatsoever.';

/**
 * The second tier: copy the desk rewrote "with inputs from agencies". It names the agency, and
 * disclaims only what came from it.
 */
export const WITH_INPUTS_DISCLAIMER =
  'This story has been written by {publisher} staff with inputs from {agencyName}. {publisher} accepts no ' +
  'responsibility or liability for the dependability, trustworthiness, reliability and data of the ' +
  'agency-sourced text.';

export const WITH_INPUTS_DISCLAIMER_KEY = 'withInputs';

/** The key every config has; feeds and agencies without their own choice use it. */
export const DEFAULT_DISCLAIMER_KEY = 'default';

export const TEMPLATE_PLACEHOLDERS = ['{publisher}', '{agency}', '{agencyName}'] as const;

/** Why a template cannot be used, or null when it is fine. */
export function templateProblem(template: string): string | null {
  if (template.trim() === '') return 'template is empty';
  const unknown = [...template.matchAll(/\{[^{}]*\}/g)]
    .map((match) => match[0])
    .filter((placeholder) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(placeholder));
  if (unknown.length === 0) return null;
  return `unknown placeholder ${unknown.join(', ')}; use ${TEMPLATE_PLACEHOLDERS.join(', ')}`;
}
