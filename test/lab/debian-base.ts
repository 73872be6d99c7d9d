// The lab's Debian base image for the Janus container, as a root file system tarball: images cannot be pulled
// here and the Docker build runs inside the lab namespace, which reaches no mirror. So, outside the namespace:
// debootstrap a minimal Debian forky from the machine's own apt mirror (Release signature checked against
// debian-archive-keyring), install the packages resources/janus/Dockerfile wants with apt inside it, and tar
// it. Cached under /var/cache/vigil-lab: a machine builds it once.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { quietStep } from './quiet-step';

const run = promisify(execFile);

/** Where the lab keeps what it may reuse between runs on one machine. */
export const LAB_CACHE_DIR = '/var/cache/vigil-lab';

/** The Debian release of the Janus image (the first with janus >= 1.3.3; trixie has no janus). */
export const BASE_SUITE = 'forky';

/** The packages resources/janus/Dockerfile installs, put into the base ahead of the (offline) build. */
export const BASE_PACKAGES = ['janus', 'curl'] as const;

const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
const SCRIPTS_DIR = '/usr/share/debootstrap/scripts';
const STEP_TIMEOUT_MS = 10 * 60_000;
/** The base image build's output: debootstrap and apt-get inside the new root. */
const BUILD_LOG = join(LAB_CACHE_DIR, 'debian-base-build.log');

/** The cached tarball and how long each step took (0 for steps a cached tarball skipped). */
export interface DebianBase {
  tarball: string;
  cached: boolean;
  debootstrapMs: number;
  packagesMs: number;
  tarMs: number;
}

/** The tarball of the Janus base root file system, built (and cached) if this machine has none. */
export async function ensureDebianBase(): Promise<DebianBase> {
  const tarball = join(LAB_CACHE_DIR, `debian-${BASE_SUITE}-${BASE_PACKAGES.join('-')}.tar`);
  if (existsSync(tarball)) return { tarball, cached: true, debootstrapMs: 0, packagesMs: 0, tarMs: 0 };
  await mkdir(LAB_CACHE_DIR, { recursive: true, mode: 0o755 });
  console.error(`lab: building the Debian ${BASE_SUITE} base for the Janus image (once per machine, ~1 min)`);
  const work = await mkdtemp(join(LAB_CACHE_DIR, 'build-'));
  try {
    const rootfs = join(work, 'rootfs');
    const mirror = process.env.VIGIL_LAB_DEBIAN_MIRROR ?? (await aptMirror());
    let began = performance.now();
    await step('debootstrap', [
      '--variant=minbase',
      `--keyring=${KEYRING}`,
      BASE_SUITE,
      rootfs,
      mirror,
      // bookworm's debootstrap has no script named after forky; Debian's testing and sid share one.
      ...(existsSync(join(SCRIPTS_DIR, BASE_SUITE)) ? [] : [join(SCRIPTS_DIR, 'sid')]),
    ]);
    const debootstrapMs = performance.now() - began;
    began = performance.now();
    await installPackages(rootfs);
    const packagesMs = performance.now() - began;
    began = performance.now();
    const partial = join(work, 'rootfs.tar');
    await step('tar', ['--numeric-owner', '-C', rootfs, '-cf', partial, '.']);
    await rename(partial, tarball);
    const tarMs = performance.now() - began;
    const size = Math.round((await stat(tarball)).size / 2 ** 20);
    console.error(
      `lab: built the Debian ${BASE_SUITE} base (${size} MiB) in ${tarball} (its build log: ${BUILD_LOG})`,
    );
    return { tarball, cached: false, debootstrapMs, packagesMs, tarMs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The Debian archive this machine's apt uses for its own release (from its sources: no lists needed). */
export async function aptMirror(): Promise<string> {
  const codename = /^VERSION_CODENAME=(\S+)$/m.exec(await readFile('/etc/os-release', 'utf8'))?.[1];
  const { stdout } = await run('apt-get', [
    'indextargets',
    '--format',
    '$(RELEASE) $(COMPONENT) $(REPO_URI)',
    'Identifier: Packages',
  ]);
  const uri = stdout
    .split('\n')
    .map((line) => line.split(' '))
    .find(([release, component]) => release === codename && component === 'main')?.[2];
  if (uri === undefined) {
    throw new Error(
      `no Debian archive for ${codename ?? 'this release'} among apt's sources (apt-get indextargets): ` +
        'set VIGIL_LAB_DEBIAN_MIRROR to a Debian mirror URL',
    );
  }
  return uri;
}

/**
 * apt-get install inside the new root, in a private mount namespace whose /proc mount vanishes with it.
 * The mirror may be a dated snapshot whose Release has passed Valid-Until (this machine's own apt allows
 * that too); signatures are still checked.
 */
async function installPackages(rootfs: string): Promise<void> {
  await copyFile('/etc/resolv.conf', join(rootfs, 'etc/resolv.conf'));
  const apt = 'apt-get -q -o Acquire::Check-Valid-Until=false';
  const script = [
    'set -e',
    `mount -t proc proc ${rootfs}/proc`,
    `chroot ${rootfs} /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive sh -c '` +
      `${apt} update && ${apt} install -y --no-install-recommends ${BASE_PACKAGES.join(' ')} && ` +
      `apt-get clean && rm -rf /var/lib/apt/lists/*'`,
  ].join('\n');
  try {
    await step('unshare', ['--mount', '--propagation', 'private', '--fork', 'sh', '-c', script]);
  } finally {
    await rm(join(rootfs, 'etc/resolv.conf'), { force: true });
  }
}

/** Runs one build step, its output to the build log; rejects naming the step (and its last lines) if it fails. */
function step(command: string, args: readonly string[]): Promise<void> {
  return quietStep(command, args, { logFile: BUILD_LOG, timeoutMs: STEP_TIMEOUT_MS });
}
