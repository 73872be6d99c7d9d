// Electronegativity ships no types; this declares the programmatic runner the scan calls.
declare module '@doyensec/electronegativity' {
  /** The runner's options (see its dist/index.js, which builds them from the command line). */
  interface RunOptions {
    input: string;
    isRelative: boolean;
    excludeFromScan: string[];
    electronVersionOverride: string;
  }
  /** Runs a scan; with `forCli` false it returns `{ errors, issues, ... }` instead of printing or writing files. */
  export default function run(options: RunOptions, forCli: false): Promise<unknown>;
}
