// SPDX-License-Identifier: EUPL-1.2
// A node-postgres-shaped pool over a PGlite worker thread. Drizzle's node-postgres driver treats
// anything whose class name contains "Pool" as a pool: it calls connect() for a transaction and
// release() afterwards. PGlite has one connection, so a pool "connection" is an exclusive lease:
// plain queries and transactions queue behind each other, which is exactly PostgreSQL's behaviour
// for a single backend and makes concurrent transactions serialisable on the embedded engine.
import { Worker } from 'node:worker_threads';

interface QueryConfig {
  text: string;
  rowMode?: 'array';
}
interface WorkerResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  rowCount: number;
}
interface WorkerReply {
  id: number;
  ok: boolean;
  result?: WorkerResult;
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

export class PgliteDatabaseError extends Error {
  code: string | undefined;
  detail: string | undefined;
  constraint: string | undefined;
  constructor(error: NonNullable<WorkerReply['error']>) {
    super(error.message);
    this.name = 'PgliteDatabaseError';
    this.code = error.code;
    this.detail = error.detail;
    this.constraint = error.constraint;
  }
}

/** FIFO mutex: the single PGlite connection is leased to one caller at a time. */
class Lease {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

export class PgliteWorkerPool {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: WorkerResult) => void; reject: (e: Error) => void }>();
  readonly #lease = new Lease();
  #nextId = 1;

  constructor(dataDir: string | null, loadDataDir?: Uint8Array) {
    this.#worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir, loadDataDir } });
    this.#worker.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result as WorkerResult);
      else pending.reject(new PgliteDatabaseError(reply.error ?? { message: 'unknown PGlite error' }));
    });
    this.#worker.on('error', (error) => {
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  /** Sends one statement to the worker; callers must hold the lease. */
  send(text: string, params: unknown[] = [], rowMode?: 'array', exec = false): Promise<WorkerResult> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, text, params, rowMode, exec });
    });
  }

  async query(config: QueryConfig | string, params?: unknown[]): Promise<WorkerResult> {
    const release = await this.#lease.acquire();
    try {
      return await this.#run(config, params);
    } finally {
      release();
    }
  }

  #run(config: QueryConfig | string, params?: unknown[]): Promise<WorkerResult> {
    if (typeof config === 'string') return this.send(config, params);
    return this.send(config.text, params, config.rowMode);
  }

  async connect(): Promise<{ query: PgliteWorkerPool['query']; release: () => void }> {
    const release = await this.#lease.acquire();
    let released = false;
    return {
      query: (config: QueryConfig | string, params?: unknown[]) => this.#run(config, params),
      release: () => {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  /** Runs a multi-statement script (no parameters). */
  async exec(script: string): Promise<void> {
    const release = await this.#lease.acquire();
    try {
      await this.send(script, [], undefined, true);
    } finally {
      release();
    }
  }

  /** The whole data directory as an uncompressed tar (to start other instances from). */
  async dump(): Promise<Uint8Array> {
    const release = await this.#lease.acquire();
    try {
      const id = this.#nextId++;
      return await new Promise<Uint8Array>((resolve, reject) => {
        this.#pending.set(id, { resolve: (r) => resolve(r as unknown as Uint8Array), reject });
        this.#worker.postMessage({ type: 'dump', id });
      });
    } finally {
      release();
    }
  }

  async end(): Promise<void> {
    const release = await this.#lease.acquire();
    try {
      const id = this.#nextId++;
      await new Promise<void>((resolve, reject) => {
        this.#pending.set(id, { resolve: () => resolve(), reject });
        this.#worker.postMessage({ type: 'close', id });
      });
    } finally {
      release();
      await this.#worker.terminate();
    }
  }
}
