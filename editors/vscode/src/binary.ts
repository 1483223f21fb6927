// Finds the perfhint executable: the `perfhint.path` setting, then the binary bundled in the
// extension (platform-specific packages carry one in bin/), then `perfhint` on PATH. Kept free of
// the vscode API so it runs under plain Node in the unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the executable was found; shown in the output channel and the status bar tooltip. */
export type BinarySource = 'setting' | 'bundled' | 'PATH';

export interface FoundBinary {
  path: string;
  source: BinarySource;
}

/** Why no executable was found, in words a user can act on. */
export interface MissingBinary {
  reason: string;
}

function executableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'perfhint.exe' : 'perfhint';
}

function isExecutableFile(candidate: string): boolean {
  try {
    if (!fs.statSync(candidate).isFile()) return false;
    fs.accessSync(candidate, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Searches each directory of a PATH-style list, as a shell would. */
export function findOnPath(
  pathVariable: string | undefined,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (!pathVariable) return undefined;
  const name = executableName(platform);
  for (const directory of pathVariable.split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Resolves the executable. A configured path that does not exist is an error of its own (the
 * user asked for that binary), not a reason to fall back silently to another one.
 */
export function findPerfhintBinary(options: {
  configuredPath: string;
  extensionPath: string;
  pathVariable: string | undefined;
  platform?: NodeJS.Platform;
}): FoundBinary | MissingBinary {
  const platform = options.platform ?? process.platform;
  const configured = options.configuredPath.trim();
  if (configured) {
    if (isExecutableFile(configured)) return { path: configured, source: 'setting' };
    return {
      reason: `The perfhint.path setting names "${configured}", which is not an executable file.`,
    };
  }
  const bundled = path.join(options.extensionPath, 'bin', executableName(platform));
  if (isExecutableFile(bundled)) return { path: bundled, source: 'bundled' };
  const onPath = findOnPath(options.pathVariable, platform);
  if (onPath) return { path: onPath, source: 'PATH' };
  return {
    reason:
      'No perfhint executable was found: this package bundles none for this platform and ' +
      'there is no perfhint on PATH.',
  };
}

export function isFound(result: FoundBinary | MissingBinary): result is FoundBinary {
  return 'path' in result;
}
