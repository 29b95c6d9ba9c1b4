/**
 * What the service and the child process working one of its runs say to each other over the
 * fork's IPC channel (run_process.ts is the service's side, run_child.ts the child's).
 */
import type { RunDocument } from '../../../common/documents';
import type { ConfigStore } from './config_store';

type Mapping = NonNullable<Awaited<ReturnType<ConfigStore['connectionForUse']>>>;

/** The stored connections a run ingests (secrets opened), or null when one it needs is missing. */
export interface RunConnections {
  sessions: Mapping;
  customers: Mapping;
  products?: Mapping;
}

export interface StartMessage {
  type: 'start';
  /** The run's document as the service wrote it before answering 202 (owner: the service). */
  document: RunDocument;
  esUrl: string;
  prefix: string;
  skipIngest: boolean;
  /** Passed to runAnalyses: recompute what a refresh schedule would carry forward. */
  force: boolean;
  connections: RunConnections | null;
}

export type ServiceMessage =
  | StartMessage
  /** The snapshot numbered `seq` is written (or could not be: `error`). */
  | { type: 'recorded'; seq: number; error?: string }
  /** Stop as SIGTERM would: an ingest finishes its batches, the run is recorded interrupted. */
  | { type: 'stop'; reason: string };

export type LogLevel = 'info' | 'warn' | 'error';

export type ChildMessage =
  /** Listening: messages sent before this could find no listener (the ESM entry loads first). */
  | { type: 'ready' }
  /** A snapshot of the run's document for the service to write (it answers `recorded`). */
  | { type: 'record'; seq: number; document: RunDocument; refresh: boolean }
  /** A line for the service's log (pino, with the run id). */
  | { type: 'log'; level: LogLevel; message: string; fields?: Record<string, unknown> }
  /** Whether the ingest is under way: only then has a stop batches to wait for. */
  | { type: 'phase'; ingesting: boolean };
