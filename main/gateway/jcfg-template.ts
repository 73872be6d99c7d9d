// Fills Janus's libconfig (.jcfg) templates. A template is Janus's own file with `{{name}}` placeholders:
// each placeholder becomes a libconfig value (strings quoted and escaped, numbers and booleans bare), and a
// line whose placeholder value is `undefined` is left out, so optional keys stay in the template too.
// Comment lines (starting with #) are copied as they are.

/** A value for one placeholder; `undefined` leaves the placeholder's line out. */
export type JcfgValue = string | number | boolean | undefined;

/** Placeholder values by name; every placeholder in the template must be named here. */
export type JcfgValues = Readonly<Record<string, JcfgValue>>;

/** Thrown when a template names a placeholder that has no entry in the values. */
export class JcfgTemplateError extends Error {
  /** Stable error code. */
  readonly code = 'VIGIL_ERR_JCFG_TEMPLATE';
}

const PLACEHOLDER = /\{\{([a-z0-9_]+)\}\}/g;

/** Formats one value as libconfig text: a quoted, escaped string, a decimal integer, or true/false. */
export function formatJcfgValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`libconfig integer expected, got ${value}`);
    return String(value);
  }
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** Fills every `{{name}}` in `template` from `values`, leaving out lines whose value is undefined. */
export function fillJcfgTemplate(template: string, values: JcfgValues, templateName = 'template'): string {
  const valueOf = (name: string): JcfgValue => {
    if (!Object.hasOwn(values, name)) {
      throw new JcfgTemplateError(`${templateName} uses {{${name}}}, which the renderer does not provide`);
    }
    return values[name];
  };
  const lines: string[] = [];
  for (const line of template.split('\n')) {
    if (line.trimStart().startsWith('#')) {
      lines.push(line);
      continue;
    }
    const names = Array.from(line.matchAll(PLACEHOLDER), (match) => match[1] ?? '');
    if (names.map(valueOf).some((value) => value === undefined)) continue;
    lines.push(line.replace(PLACEHOLDER, (_match, name: string) => formatJcfgValue(valueOf(name) ?? '')));
  }
  return lines.join('\n');
}
