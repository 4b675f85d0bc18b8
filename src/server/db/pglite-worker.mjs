// SPDX-License-Identifier: EUPL-1.2
// Runs PGlite (PostgreSQL compiled to WASM) in a worker thread, so that query execution never
// blocks the HTTP event loop. The main thread talks to it through PgliteWorkerPool (pglite-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const asText = (value) => value;
// Align result parsing with node-postgres as configured in client.ts: int8 as number, numeric as
// string, dates and timestamps as the text PostgreSQL sends (drizzle maps them itself).
const parsers = {
  [types.INT8]: (value) => Number(value),
  [types.NUMERIC]: asText,
  [types.DATE]: asText,
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.INTERVAL]: asText,
  [types.TIME]: asText,
  [types.TIMETZ]: asText,
};

const db = new PGlite(workerData.dataDir ?? undefined, {
  parsers,
  // A pre-migrated data directory (tar) to start from: tests start in milliseconds instead of migrating.
  ...(workerData.loadDataDir ? { loadDataDir: new Blob([workerData.loadDataDir]) } : {}),
});

async function handle(message) {
  const { id, text, params, rowMode, exec } = message;
  try {
    await db.waitReady;
    if (exec) {
      await db.exec(text);
      parentPort.postMessage({ id, ok: true, result: { rows: [], fields: [], rowCount: 0 } });
      return;
    }
    const result = await db.query(text, params ?? [], { rowMode: rowMode === 'array' ? 'array' : 'object', parsers });
    parentPort.postMessage({
      id,
      ok: true,
      result: {
        rows: result.rows,
        fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
        rowCount: result.affectedRows ?? result.rows.length,
      },
    });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      error: {
        message: error?.message ?? String(error),
        code: error?.code,
        detail: error?.detail,
        constraint: error?.constraint,
      },
    });
  }
}

let queue = Promise.resolve();
parentPort.on('message', (message) => {
  if (message.type === 'dump') {
    queue = queue
      .then(() => db.dumpDataDir('none'))
      .then((blob) => blob.arrayBuffer())
      .then((buffer) => parentPort.postMessage({ id: message.id, ok: true, result: new Uint8Array(buffer) }, [buffer]));
    return;
  }
  if (message.type === 'close') {
    queue = queue.then(() => db.close()).then(() => parentPort.postMessage({ id: message.id, ok: true, result: null }));
    return;
  }
  queue = queue.then(() => handle(message));
});
