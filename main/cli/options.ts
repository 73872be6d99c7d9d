// A thin, strict layer over node:util parseArgs: one table per command drives parsing AND its --help text,
// and every mistake becomes a UsageError that names the flag (parseArgs' own errors name Node, not us).
import { parseArgs } from 'node:util';

import { UsageError } from './cli-error';

/** One flag of a command: its kind, whether it repeats, its value placeholder and its help line. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder in the help text, e.g. `PORT`. */
  value?: string;
  /** One line of help; mention the default here. */
  help: string;
}

/** A command's flags by long name (without the leading `--`). */
export type OptionSpecs = Record<string, OptionSpec>;

/** What a command line parsed into: flag values by name and the positional arguments. */
export interface ParsedOptions {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `args` against `specs`; unknown flags, missing values and values on switches throw {@link UsageError}. */
export function parseOptions(args: readonly string[], specs: OptionSpecs, topic: string): ParsedOptions {
  const { tokens, positionals } = parseArgs({
    args: [...args],
    options: specs,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: ParsedOptions['values'] = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (spec === undefined) throw new UsageError(`unknown option ${token.rawName}`, topic);
    const flag = `--${token.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value`, topic);
      values[token.name] = true;
      continue;
    }
    // Non-strict parseArgs takes the next word even when it is another flag: `--port --host x`.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError(`${flag} needs a value: ${flag} ${spec.value ?? 'VALUE'}`, topic);
    }
    if (spec.multiple === true) {
      const previous = values[token.name];
      values[token.name] = [...(Array.isArray(previous) ? previous : []), token.value];
    } else if (values[token.name] !== undefined) {
      throw new UsageError(`${flag} is given more than once`, topic);
    } else {
      values[token.name] = token.value;
    }
  }
  return { values, positionals };
}

/** The help lines for a table of flags, aligned in two columns. */
export function formatOptions(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
    const value = spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : '';
    const repeat = spec.multiple === true ? '…' : '';
    return [`  ${short}--${name}${value}${repeat}`, spec.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, help]) => left.padEnd(width) + help).join('\n');
}

/** A string flag's value, if given. */
export function stringValue(parsed: ParsedOptions, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable flag's values (empty when not given). */
export function listValue(parsed: ParsedOptions, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : [];
}

/** Whether a switch was given. */
export function flagValue(parsed: ParsedOptions, name: string): boolean {
  return parsed.values[name] === true;
}
