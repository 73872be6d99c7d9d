// `npm run lab -- <command>`: the media lab (see args.ts for the commands, /work/shared/LAB.md for why).
// stdout carries only results (up's JSON line, status lines); progress and errors go to stderr.
import { parseLabArgs, LAB_USAGE, LabUsageError } from './args';
import { down, exec, onlyLabName, run, scene, status, up } from './commands';

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseLabArgs(args);
  switch (parsed.command) {
    case 'up':
      console.log(JSON.stringify(await up(parsed.name, parsed.options)));
      return 0;
    case 'run':
      return run(parsed.name, parsed.options, parsed.argv);
    case 'exec':
      return exec(parsed.name ?? (await onlyLabName()), parsed.argv);
    case 'down':
      await down(parsed.name ?? (await onlyLabName()));
      return 0;
    case 'scene':
      await scene(parsed.name ?? (await onlyLabName()), parsed.index, parsed.on);
      console.log(`/scene${parsed.index}: object ${parsed.on ? 'on' : 'off'}`);
      return 0;
    case 'status':
      for (const line of await status()) console.log(line);
      return 0;
    case 'help':
      console.log(LAB_USAGE);
      return 0;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`lab: ${errorText(error)}`);
  process.exitCode = error instanceof LabUsageError ? 2 : 1;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message}\n  because: ${errorText(error.cause)}`;
}
