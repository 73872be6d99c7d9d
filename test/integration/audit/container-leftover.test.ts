// F4 for the container gateway, on the lab's Docker engine: a station killed with its Janus container running
// leaves the container (Docker keeps it, not the station). The next start finds it by its name and label and
// removes it before checking its ports, instead of refusing with "port in use".
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContainerGateway, type ContainerGatewayOptions } from '../../../main/gateway/container-janus';
import { CONTAINER_LABEL } from '../../../main/gateway/container-run';
import { connectDocker } from '../../../main/gateway/docker-engine';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePorts } from '../../lab/ports';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const address = process.env.LAB_DOCKER_HOST;
const baseImage = process.env.LAB_DOCKER_BASE_IMAGE;
const noDocker = address === undefined || baseImage === undefined;
if (noDocker)
  console.log('container-leftover: skipped, it needs the lab Docker engine (npm run lab -- run --docker)');

describe.skipIf(noDocker)('a station killed with its Janus container running', () => {
  let root: string;
  let options: ContainerGatewayOptions;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-audit-container-'));
    options = {
      dataDir: join(root, 'data'),
      origin: 'http://127.0.0.1:3000',
      logger: pino({ level: 'silent' }),
      docker: { address: address ?? '', setting: 'LAB_DOCKER_HOST' },
      image: { baseImage: baseImage ?? '' },
      ports: await freePorts(['http', 'ws', 'adminHttp'] as const),
      iceInterface: LAB_ICE_ADDRESS,
      iceEnforceList: LAB_ICE_INTERFACE,
      mediaRtpPortRange: { min: 37000, max: 37999 },
      streamingRtpPortRange: { min: 38000, max: 38999 },
    };
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('leaves a container the next start finds by name and label and removes before binding its ports', async () => {
    // The killed station: a process of its own that starts the container gateway and is then SIGKILLed.
    const script = join(root, 'station.mts');
    const { logger: _logger, ...plain } = options;
    await writeFile(
      script,
      [
        `import pino from ${JSON.stringify(import.meta.resolve('pino'))};`,
        `import { createContainerGateway } from ${JSON.stringify(join(ROOT, 'main/gateway/container-janus.ts'))};`,
        `const gateway = createContainerGateway({ ...${JSON.stringify(plain)}, logger: pino({ level: 'silent' }) });`,
        'await gateway.start();',
        "console.log('ready', gateway.status().containerId);",
        'setInterval(() => undefined, 1_000);',
      ].join('\n'),
    );
    const station = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const leftover = await new Promise<string>((resolve, reject) => {
      let out = '';
      station.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const id = /^ready (\w+)$/m.exec(out)?.[1];
        if (id !== undefined) resolve(id);
      });
      station.once('exit', () => {
        reject(new Error(`the station exited before its container was ready: ${out}`));
      });
    });
    station.kill('SIGKILL');
    const docker = await connectDocker({ address: address ?? '', setting: 'LAB_DOCKER_HOST' });
    expect((await docker.getContainer(leftover).inspect()).State.Running).toBe(true);

    const gateway = createContainerGateway(options);
    try {
      await gateway.start();
      // This station's containers only (other tests may run theirs on the same engine).
      const stationKey = createHash('sha256').update(options.dataDir).digest('hex').slice(0, 12);
      const label = `${CONTAINER_LABEL}=${stationKey}`;
      const running = await docker.listContainers({ all: true, filters: { label: [label] } });
      expect(running.map((c) => c.Id)).toEqual([gateway.status().containerId]);
      await expect(docker.getContainer(leftover).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await gateway.stop();
    }
  }, 300_000);
});
