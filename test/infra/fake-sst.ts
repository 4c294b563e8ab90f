/**
 * Recording stand-ins for the globals SST gives sst.config.ts, so the config can be evaluated in
 * a unit test without AWS, Pulumi or `.sst/`. Constructing a component records (type, name,
 * args) and returns a token; reading a token's property or calling it gives another token whose
 * text is its path (`{{sst.aws.Dynamo:Table.name}}`), and calls are recorded with their args.
 */

export interface Created {
  type: string;
  name: string;
  args: unknown;
}

export interface Called {
  path: string;
  args: unknown[];
}

export interface Recording {
  created: Created[];
  called: Called[];
}

const tokens = new WeakMap<object, string>();

/** The `{{path}}` text of a token, or undefined for anything else. */
export function tokenText(value: unknown): string | undefined {
  const path =
    (typeof value === 'function' || typeof value === 'object') && value !== null
      ? tokens.get(value)
      : undefined;
  return path === undefined ? undefined : `{{${path}}}`;
}

/** `value` with every token replaced by its text: plain data to compare and print. */
export function plain(value: unknown): unknown {
  const text = tokenText(value);
  if (text !== undefined) return text;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  }
  return value;
}

function token(path: string, recording: Recording): unknown {
  const target = (...args: unknown[]) => {
    recording.called.push({ path, args });
    return token(`${path}()`, recording);
  };
  const proxy = new Proxy(target, {
    get(_target, key) {
      if (key === Symbol.toPrimitive || key === 'toString' || key === 'toJSON') {
        return () => `{{${path}}}`;
      }
      // Not a promise: `await` on a token gives the token.
      if (key === 'then' || typeof key === 'symbol') return undefined;
      return token(`${path}.${key}`, recording);
    },
  });
  tokens.set(proxy, path);
  return proxy;
}

/** `sst`, `sst.aws`, `aws`…: every member is a namespace and a constructible component. */
function namespace(prefix: string, recording: Recording): unknown {
  return new Proxy(function component() {}, {
    construct(_target, [name, args]) {
      recording.created.push({ type: prefix, name: String(name), args });
      return token(`${prefix}:${String(name)}`, recording) as object;
    },
    get(_target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      return namespace(`${prefix}.${key}`, recording);
    },
  });
}

const GLOBALS = ['$config', '$app', '$dev', '$interpolate', '$resolve', 'sst', 'aws'] as const;

/** Installs the globals for one evaluation of the config; `restore` puts the old ones back. */
export function installSstFakes(options: { stage: string; dev?: boolean }) {
  const recording: Recording = { created: [], called: [] };
  const scope = globalThis as Record<string, unknown>;
  const saved = GLOBALS.map((key) => [key, Object.getOwnPropertyDescriptor(scope, key)] as const);
  Object.assign(scope, {
    $config: <T>(config: T) => config,
    $app: { name: 'gongkai', stage: options.stage },
    $dev: options.dev ?? false,
    $interpolate: (strings: TemplateStringsArray, ...values: unknown[]) =>
      strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), ''),
    $resolve: (values: unknown) => token(`$resolve(${JSON.stringify(plain(values))})`, recording),
    sst: namespace('sst', recording),
    aws: namespace('aws', recording),
  });
  return {
    recording,
    restore() {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(scope, key, descriptor);
        else delete scope[key];
      }
    },
  };
}
