// Maps the extension's `perfhint.*` settings to the `perfhint` section the server reads (from
// initializationOptions and workspace/configuration): select, extendSelect, ignore, severity,
// debounceMs, unsafeFixes, targetVersion, exclude, profile, hotThreshold. Kept free of the vscode
// API so it runs under plain Node in the unit tests.

/** The settings object the server understands (see the README, "The language server"). */
export interface ServerSettings {
  /** Codes or prefixes to enable; empty enables every rule. */
  select: string[];
  /** Codes or prefixes enabled on top of the selection. */
  extendSelect: string[];
  /** Codes or prefixes to disable. */
  ignore: string[];
  /** Per-rule severity: error, warning, info or hint. */
  severity: Record<string, string>;
  debounceMs: number;
  unsafeFixes: boolean;
  /** "py38" .. "py314"; null leaves it to the configuration file. */
  targetVersion: string | null;
  /** Globs relative to the workspace folder; null leaves it to the configuration file. */
  exclude: string[] | null;
  /** The profile guiding the hints: a path or glob relative to the workspace root; empty: none. */
  profile: string;
  /** Share of the run (percent) from which findings in a function are raised. */
  hotThreshold: number;
}

/** Reads one setting with its default, as `WorkspaceConfiguration.get` does. */
export type SettingReader = <T>(key: string, defaultValue: T) => T;

/**
 * Builds the server's section. Every key is always sent, defaults included: the server keeps
 * the previous value of an absent key, so leaving one out would not undo a change.
 */
export function serverSettings(read: SettingReader): ServerSettings {
  return {
    select: read<string[]>('select', []),
    extendSelect: read<string[]>('extendSelect', []),
    ignore: read<string[]>('ignore', []),
    severity: read<Record<string, string>>('severity', {}),
    debounceMs: read<number>('debounceMs', 50),
    unsafeFixes: read<boolean>('unsafeFixes', false),
    targetVersion: read<string | null>('targetVersion', null),
    exclude: read<string[] | null>('exclude', null),
    profile: read<string>('profile', ''),
    hotThreshold: read<number>('hotThreshold', 5),
  };
}
