// The parts of Dredd 14's Node API and hooks API this package uses (Dredd ships no types).
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import util from 'node:util';

export interface DreddTransaction {
  name: string;
  id: string;
  origin: { apiName: string };
  request: { method: string; uri: string; headers: Record<string, string>; body: string };
  expected: { statusCode?: string; headers?: Record<string, string>; body?: string };
  real?: { statusCode: number; headers: Record<string, string>; body: string };
  skip: boolean;
  fail?: string | boolean;
  /** Set by Dredd just before it sends the request (ms since the epoch). */
  startedAt?: number;
  test?: DreddTest;
}

export interface DreddTest {
  title: string;
  message: string;
  status: string;
  valid?: boolean;
  origin?: { apiName: string };
}

export interface DreddHooks {
  /** A copy of the run's configuration, set before the hook files load. */
  configuration?: { custom?: Record<string, unknown> };
  /** Runs once, before the run's first transaction is sent (after Dredd has read its descriptions). */
  beforeAll(hook: (transactions: DreddTransaction[]) => void): void;
  beforeEach(hook: (transaction: DreddTransaction) => void): void;
  beforeEachValidation(hook: (transaction: DreddTransaction) => void): void;
  afterEach(hook: (transaction: DreddTransaction) => void): void;
}

export interface DreddStats {
  tests: number;
  failures: number;
  errors: number;
  passes: number;
  skipped: number;
  duration: number;
}

export interface DreddConfig {
  server: string;
  apiDescriptions: { location: string; content: string }[];
  hookfiles: string[];
  reporter: string[];
  output: string[];
  loglevel: 'silent' | 'error' | 'warning' | 'debug';
  color: boolean;
  emitter: EventEmitter;
  /** Dredd keeps these in the configuration it hands the hook files (`hooks.configuration.custom`). */
  custom: { contractRunId: string };
  /** Options of the `request` library Dredd sends with, e.g. `timeout` in ms. */
  http: { timeout?: number };
}

interface DreddInstance {
  run(callback: (error: Error | null | undefined, stats: DreddStats) => void): void;
}

const require = createRequire(import.meta.url);

/**
 * Loads Dredd without its two known load-time warnings: winston 2's "padLevels" (muted) and
 * DEP0060 of htmlencode 0.0.4, which calls `util._extend` once to copy methods onto a prototype.
 * Installed projects do not get this repository's `overrides` entry (0.0.5 uses Object.assign), so
 * for the length of the load `util._extend` is Object.assign, and then restored.
 */
function requireDreddQuietly(id: string): unknown {
  const emitWarning = process.emitWarning;
  const extend = Object.getOwnPropertyDescriptor(util, '_extend');
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning).includes("'padLevels'")) (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  if (extend) Object.defineProperty(util, '_extend', { ...extend, value: (target: object, source: object) => Object.assign(target, source) });
  try {
    return require(id);
  } finally {
    process.emitWarning = emitWarning;
    if (extend) Object.defineProperty(util, '_extend', extend);
  }
}

export const Dredd = requireDreddQuietly('dredd') as new (config: DreddConfig) => DreddInstance;

/** Dredd's console reporter logger; the contract runner prints its own report instead. */
export const dreddReporterOutput = require('dredd/build/reporters/reporterOutputLogger.js') as {
  default: { transports: { console: { silent: boolean } } };
};
