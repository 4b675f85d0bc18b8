// SPDX-License-Identifier: EUPL-1.2
// All configuration is read from the environment once, at start, and validated here. The README's
// configuration table lists the same variables; keep them in step.
import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  production: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super('Ongeldige configuratie / invalid configuration:\n  - ' + problems.join('\n  - '));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const host = env.HOST || '127.0.0.1';
  const port = int('PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicUrl = (env.PUBLIC_URL || `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL (got "${publicUrl}")`);
  }
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')}`);
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    host,
    port,
    databaseUrl,
    dataDir: resolve(env.WIJKWIJS_DATA_DIR || 'data/pglite'),
    publicUrl,
    logLevel,
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    loginRateLimitPerMinute: int('LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    cookieSecure: bool('COOKIE_SECURE', publicUrl.startsWith('https:')),
    trustProxy: bool('TRUST_PROXY', false),
    seedDemo: bool('WIJKWIJS_SEED_DEMO', !databaseUrl),
    production,
  };
  if (production && !config.cookieSecure) problems.push('COOKIE_SECURE must be true when NODE_ENV=production');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
