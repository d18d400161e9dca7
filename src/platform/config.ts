import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultScryptParams, type ScryptParams } from './crypto/password.js';
import type { DatabaseConfig } from './db/database.js';
import type { LogLevel } from './logger.js';
import { Secret } from './secret.js';
import type { S3StoreConfig } from './storage/s3-store.js';

/** A node's identity as partners see it on its card. */
export const nodeIdentitySchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'node id: lower-case letters, digits and hyphens, 2–63 long'),
  agency: z.string().min(2).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'country: ISO 3166-1 alpha-2 code such as MA or PK'),
  // The base URL partners append /federation/v1/… to (PROTOCOL §2): a trailing "/" is
  // dropped, and a URL that already names the federation prefix is refused.
  endpoint: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .refine((url) => !/\/federation\/v1$/i.test(url), 'endpoint: the base URL, without "/federation/v1"'),
});
export type NodeIdentity = z.infer<typeof nodeIdentitySchema>;

/** The settings file `passerelle init` writes into the data folder. */
export const nodeFileSchema = z.object({
  version: z.literal(1),
  node: nodeIdentitySchema,
  http: z
    .object({ host: z.string(), port: z.number().int().min(0).max(65535) })
    .partial()
    .optional(),
});
export type NodeFile = z.infer<typeof nodeFileSchema>;

/** Everything a node needs to run, validated once at start-up. */
export interface Config {
  node: NodeIdentity;
  dataDir: string;
  db: DatabaseConfig;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    secureCookies: boolean;
    /** Requests in progress beyond which the node answers 503 `overloaded` (default 256). */
    maxInFlight?: number;
    /** Mean event-loop lag (ms) beyond which the node answers 503 `overloaded` (off when absent). */
    shedLagMs?: number;
    /** Requests started per turn of the event loop; the others wait their turn in order (default 8). */
    admitPerTurn?: number;
    /** How long a stopping node lets requests in progress finish (PASSERELLE_SHUTDOWN_GRACE_MS). */
    shutdownGraceMs?: number;
  };
  keys: { path: string; passphrase: Secret };
  security: {
    scrypt: ScryptParams;
    sessionTtlMinutes: number;
    sessionIdleMinutes: number;
    lockoutThreshold: number;
    lockoutMinutes: number;
    /**
     * How long (ms) a process trusts a session or API token it found valid, without looking
     * again (PASSERELLE_AUTH_CACHE_MS, 0–1000, default 1000; 0 turns the cache off). Changes
     * are announced to every process at once; this is the bound if an announcement is lost.
     */
    credentialCacheMs?: number;
  };
  webDist: string | null;
  logLevel: LogLevel;
  /** Folder of encrypted attachment files; null means `<dataDir>/attachments`. */
  attachmentsDir?: string | null;
  /** S3-compatible bucket of the encrypted attachment files, instead of a folder (PASSERELLE_ATTACHMENTS_S3_*). */
  attachmentsS3?: S3StoreConfig | null;
  /**
   * Who may read `/metrics`: nobody (`off`, 404), clients on the loopback interface, or
   * anyone presenting the bearer token. Absent means `off`.
   */
  metrics?: { access: 'off' | 'loopback' | 'token'; token: Secret | null };
}

/** Thrown for a missing or invalid setting; the message names the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** File names inside a node's data folder. */
export const dataFiles = {
  node: 'passerelle.json',
  keys: 'keys.json',
  keySecret: 'node.secret',
  db: 'db',
  /** Which database engine and database this folder's node runs on (app/node-binding.ts). */
  binding: 'database.json',
} as const;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  PASSERELLE_HOST: z.string().optional(),
  PASSERELLE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PASSERELLE_KEY_PASSPHRASE: z
    .string()
    .min(12, 'PASSERELLE_KEY_PASSPHRASE must be at least 12 characters')
    .optional(),
  PASSERELLE_KEY_FILE: z.string().optional(),
  PASSERELLE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  PASSERELLE_WEB_DIST: z.string().optional(),
  PASSERELLE_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  PASSERELLE_ATTACHMENTS_DIR: z.string().optional(),
  PASSERELLE_ATTACHMENTS_S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'PASSERELLE_ATTACHMENTS_S3_BUCKET: a bucket name (3–63 lower-case letters, digits, dots, hyphens)',
    )
    .optional(),
  PASSERELLE_ATTACHMENTS_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'PASSERELLE_ATTACHMENTS_S3_ENDPOINT must be an http(s) URL' })
    .optional(),
  PASSERELLE_ATTACHMENTS_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, 'PASSERELLE_ATTACHMENTS_S3_REGION: a region name such as eu-west-3')
    .optional(),
  PASSERELLE_ATTACHMENTS_S3_PREFIX: z
    .string()
    .regex(
      /^([A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]*$/,
      'PASSERELLE_ATTACHMENTS_S3_PREFIX: letters, digits, ".", "_", "-" and "/" between them',
    )
    .optional(),
  PASSERELLE_ATTACHMENTS_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE: z.string().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_SESSION_TOKEN: z.string().optional(),
  AWS_REGION: z.string().optional(),
  PASSERELLE_METRICS: z.enum(['off', 'loopback']).optional(),
  PASSERELLE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).optional(),
  PASSERELLE_SHED_LAG_MS: z.coerce.number().int().min(10).max(60_000).optional(),
  PASSERELLE_ADMIT_PER_TURN: z.coerce.number().int().min(1).max(10_000).optional(),
  PASSERELLE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  PASSERELLE_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(1000).optional(),
  PASSERELLE_METRICS_TOKEN: z
    .string()
    .min(24, 'PASSERELLE_METRICS_TOKEN must be at least 24 characters')
    .optional(),
});

/** Reads the key passphrase: environment, then a key file named by the environment, then the data folder's. */
export function readKeyPassphrase(dataDir: string, env: Record<string, string | undefined>): Secret {
  if (env.PASSERELLE_KEY_PASSPHRASE) return new Secret(env.PASSERELLE_KEY_PASSPHRASE);
  const file = env.PASSERELLE_KEY_FILE ?? join(dataDir, dataFiles.keySecret);
  if (!existsSync(file)) {
    throw new ConfigError(
      `no key passphrase: set PASSERELLE_KEY_PASSPHRASE or PASSERELLE_KEY_FILE (looked for ${file})`,
    );
  }
  return new Secret(readFileSync(file, 'utf8').trim());
}

/** Settings names of the S3 store, for error messages. */
const S3_VARS = [
  'PASSERELLE_ATTACHMENTS_S3_ENDPOINT',
  'PASSERELLE_ATTACHMENTS_S3_REGION',
  'PASSERELLE_ATTACHMENTS_S3_PREFIX',
  'PASSERELLE_ATTACHMENTS_S3_FORCE_PATH_STYLE',
  'PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE',
] as const;

/** Static S3 credentials from a JSON file readable by its owner only. */
function readS3CredentialsFile(file: string): NonNullable<S3StoreConfig['credentials']> {
  const path = resolve(file);
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new ConfigError(`PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE: ${path} cannot be read`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new ConfigError(
      `PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE: ${path} is readable by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`,
    );
  }
  const parsed = z
    .object({
      accessKeyId: z.string().min(1),
      secretAccessKey: z.string().min(1),
      sessionToken: z.string().min(1).optional(),
    })
    .safeParse(
      (() => {
        try {
          return JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          return null;
        }
      })(),
    );
  if (!parsed.success) {
    // Never echo the file's content: it holds the secret.
    throw new ConfigError(
      `PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE: ${path} must be JSON {"accessKeyId", "secretAccessKey", "sessionToken"?}`,
    );
  }
  return {
    accessKeyId: parsed.data.accessKeyId,
    secretAccessKey: new Secret(parsed.data.secretAccessKey),
    ...(parsed.data.sessionToken ? { sessionToken: new Secret(parsed.data.sessionToken) } : {}),
  };
}

/** The S3 store's settings, or null when PASSERELLE_ATTACHMENTS_S3_BUCKET is not set. */
function s3Config(vars: z.infer<typeof envSchema>): S3StoreConfig | null {
  if (!vars.PASSERELLE_ATTACHMENTS_S3_BUCKET) {
    const stray = S3_VARS.find((v) => vars[v] !== undefined);
    if (stray) throw new ConfigError(`${stray} is set without PASSERELLE_ATTACHMENTS_S3_BUCKET`);
    return null;
  }
  if (vars.PASSERELLE_ATTACHMENTS_DIR) {
    throw new ConfigError(
      'PASSERELLE_ATTACHMENTS_DIR and PASSERELLE_ATTACHMENTS_S3_BUCKET are both set: choose one attachment store',
    );
  }
  let credentials: S3StoreConfig['credentials'];
  if (vars.PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE) {
    credentials = readS3CredentialsFile(vars.PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE);
  } else if (vars.AWS_ACCESS_KEY_ID || vars.AWS_SECRET_ACCESS_KEY) {
    if (!vars.AWS_ACCESS_KEY_ID || !vars.AWS_SECRET_ACCESS_KEY) {
      throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both');
    }
    credentials = {
      accessKeyId: vars.AWS_ACCESS_KEY_ID,
      secretAccessKey: new Secret(vars.AWS_SECRET_ACCESS_KEY),
      ...(vars.AWS_SESSION_TOKEN ? { sessionToken: new Secret(vars.AWS_SESSION_TOKEN) } : {}),
    };
  }
  const prefix = vars.PASSERELLE_ATTACHMENTS_S3_PREFIX ?? '';
  return {
    bucket: vars.PASSERELLE_ATTACHMENTS_S3_BUCKET,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    region: vars.PASSERELLE_ATTACHMENTS_S3_REGION ?? vars.AWS_REGION ?? 'us-east-1',
    endpoint: vars.PASSERELLE_ATTACHMENTS_S3_ENDPOINT?.replace(/\/+$/, ''),
    forcePathStyle: vars.PASSERELLE_ATTACHMENTS_S3_FORCE_PATH_STYLE === 'true',
    credentials,
  };
}

/**
 * Builds the configuration of the node whose data folder is `dataDir`, from its settings
 * file and the environment. The only place that reads either.
 */
export function loadConfig(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Pick<Config, 'webDist' | 'logLevel'>> & { port?: number; host?: string } = {},
): Config {
  const dir = resolve(dataDir);
  const nodePath = join(dir, dataFiles.node);
  if (!existsSync(nodePath))
    throw new ConfigError(`${dir} is not a Passerelle data folder: run "passerelle init"`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nodePath, 'utf8'));
  } catch {
    throw new ConfigError(`${nodePath} is not valid JSON`);
  }
  const file = nodeFileSchema.safeParse(raw);
  if (!file.success) throw new ConfigError(`${nodePath}: ${z.prettifyError(file.error)}`);
  const e = envSchema.safeParse(env);
  if (!e.success) throw new ConfigError(z.prettifyError(e.error));
  const vars = e.data;
  const db: DatabaseConfig = vars.DATABASE_URL
    ? // The URL may carry a password: it is a Secret, never printed or logged.
      { kind: 'postgres', url: new Secret(vars.DATABASE_URL) }
    : { kind: 'pglite', dir: join(dir, dataFiles.db) };
  return {
    node: file.data.node,
    dataDir: dir,
    db,
    http: {
      host: overrides.host ?? vars.PASSERELLE_HOST ?? file.data.http?.host ?? '127.0.0.1',
      port: overrides.port ?? vars.PASSERELLE_PORT ?? file.data.http?.port ?? 7410,
      bodyLimitBytes: 1024 * 1024,
      secureCookies: vars.PASSERELLE_SECURE_COOKIES
        ? vars.PASSERELLE_SECURE_COOKIES === 'true'
        : file.data.node.endpoint.startsWith('https:'),
      ...(vars.PASSERELLE_MAX_IN_FLIGHT ? { maxInFlight: vars.PASSERELLE_MAX_IN_FLIGHT } : {}),
      ...(vars.PASSERELLE_SHED_LAG_MS ? { shedLagMs: vars.PASSERELLE_SHED_LAG_MS } : {}),
      ...(vars.PASSERELLE_ADMIT_PER_TURN ? { admitPerTurn: vars.PASSERELLE_ADMIT_PER_TURN } : {}),
      ...(vars.PASSERELLE_SHUTDOWN_GRACE_MS !== undefined
        ? { shutdownGraceMs: vars.PASSERELLE_SHUTDOWN_GRACE_MS }
        : {}),
    },
    keys: { path: join(dir, dataFiles.keys), passphrase: readKeyPassphrase(dir, env) },
    security: {
      scrypt: defaultScryptParams,
      sessionTtlMinutes: 12 * 60,
      sessionIdleMinutes: 60,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      ...(vars.PASSERELLE_AUTH_CACHE_MS !== undefined
        ? { credentialCacheMs: vars.PASSERELLE_AUTH_CACHE_MS }
        : {}),
    },
    webDist: overrides.webDist !== undefined ? overrides.webDist : (vars.PASSERELLE_WEB_DIST ?? null),
    logLevel: overrides.logLevel ?? vars.PASSERELLE_LOG_LEVEL ?? 'info',
    attachmentsDir: vars.PASSERELLE_ATTACHMENTS_DIR ? resolve(vars.PASSERELLE_ATTACHMENTS_DIR) : null,
    attachmentsS3: s3Config(vars),
    metrics: vars.PASSERELLE_METRICS_TOKEN
      ? { access: 'token', token: new Secret(vars.PASSERELLE_METRICS_TOKEN) }
      : { access: vars.PASSERELLE_METRICS ?? 'off', token: null },
  };
}
