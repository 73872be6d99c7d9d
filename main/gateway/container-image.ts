// The Janus image of the container gateway: built through the Engine API from resources/janus/Dockerfile
// (a tar context holding only that file), tagged by a hash of the Dockerfile and its base image so a changed
// Dockerfile gets a new image and an unchanged one is built once per engine.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import type Docker from 'dockerode';
import type { Logger } from 'pino';

import { JanusImageError } from './errors';

/** The folder holding the Janus image's Dockerfile (the build context). */
export const JANUS_DOCKERFILE_DIR = fileURLToPath(new URL('../../resources/janus/', import.meta.url));

/** The image name; the tag is a content hash. */
export const JANUS_IMAGE_NAME = 'vigil-janus';

/** Which Janus image to use. */
export interface JanusImageOptions {
  /** The folder holding the Dockerfile (default JANUS_DOCKERFILE_DIR). */
  dockerfileDir?: string | undefined;
  /** The Dockerfile's BASE build argument (default: the Dockerfile's own, debian:forky-slim). */
  baseImage?: string | undefined;
}

/** The image tag for this Dockerfile text and base image. */
export function janusImageTag(dockerfile: string, baseImage: string | undefined): string {
  const hash = createHash('sha256')
    .update(dockerfile)
    .update('\0')
    .update(baseImage ?? '');
  return `${JANUS_IMAGE_NAME}:${hash.digest('hex').slice(0, 12)}`;
}

/** What ensureJanusImage did. */
export interface EnsuredImage {
  tag: string;
  /** False when the engine already had the image. */
  built: boolean;
  /** How long the build took (0 when not built). */
  buildMs: number;
}

const TAIL_LINES = 15;

/** Builds the Janus image unless the engine has it; throws JanusImageError with the build's last lines. */
export async function ensureJanusImage(
  docker: Docker,
  options: JanusImageOptions,
  logger: Logger,
): Promise<EnsuredImage> {
  const dir = options.dockerfileDir ?? JANUS_DOCKERFILE_DIR;
  const dockerfile = await readFile(join(dir, 'Dockerfile'), 'utf8').catch((error: unknown) => {
    throw new JanusImageError(
      'the Janus Dockerfile folder',
      `cannot read ${join(dir, 'Dockerfile')}: reinstall Vigil (the file ships with it)`,
      { cause: error },
    );
  });
  const tag = janusImageTag(dockerfile, options.baseImage);
  if (await hasImage(docker, tag)) return { tag, built: false, buildMs: 0 };
  logger.info({ tag, base: options.baseImage }, 'building the Janus image');
  const began = performance.now();
  const tail: string[] = [];
  try {
    const stream = await docker.buildImage(
      { context: dir, src: ['Dockerfile'] },
      {
        t: tag,
        rm: true,
        forcerm: true,
        labels: { 'org.vigil.role': 'janus' },
        ...(options.baseImage === undefined ? {} : { buildargs: { BASE: options.baseImage } }),
      },
    );
    await readBuildOutput(stream, (line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      logger.debug({ tag }, line);
    });
  } catch (error) {
    throw buildFailed(options.baseImage, error, tail);
  }
  const buildMs = Math.round(performance.now() - began);
  logger.info({ tag, buildMs }, 'built the Janus image');
  return { tag, built: true, buildMs };
}

async function hasImage(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch (error) {
    if (error instanceof Error && 'statusCode' in error && error.statusCode === 404) return false;
    throw error;
  }
}

/** Reads the engine's JSON build messages; throws the first error message the build reports. */
async function readBuildOutput(stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (raw.trim() === '') continue;
    const message = JSON.parse(raw) as { stream?: string; status?: string; error?: string };
    if (message.error !== undefined) throw new Error(message.error.trim());
    for (const line of (message.stream ?? message.status ?? '').split('\n')) {
      if (line.trim() !== '') onLine(line.trimEnd());
    }
  }
}

function buildFailed(
  baseImage: string | undefined,
  error: unknown,
  tail: readonly string[],
): JanusImageError {
  const why = error instanceof Error ? error.message : String(error);
  const base = baseImage ?? 'debian:forky-slim';
  return new JanusImageError(
    'the Janus base image',
    `building the Janus image on ${base} failed: ${why}. The build pulls ${base} and installs Debian's ` +
      `janus package, so the engine needs to reach its registry and a Debian mirror; or give a base image ` +
      `the engine already has that holds janus >= 1.3.3, or switch Vigil's Janus to "native" or "remote"` +
      (tail.length === 0 ? '' : `. The build's last lines:\n${tail.join('\n')}`),
    { cause: error },
  );
}
