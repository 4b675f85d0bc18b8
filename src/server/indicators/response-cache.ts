// SPDX-License-Identifier: EUPL-1.2
// A small in-memory cache of finished JSON responses for the area profile, which is read far more
// often than its figures change (CBS publishes once a year; an import is an event). Entries live
// `ttlMs` at most and the whole cache is emptied after every change to the catalogue or figures made
// through this server, so a reader sees an import at once. A change made by another process (the
// CLI importing into PostgreSQL while a server runs) shows within `ttlMs`. ADR 0016.

export class ResponseCache {
  private readonly entries = new Map<string, { storedAt: number; json: string }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.json;
  }

  set(key: string, json: string): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { storedAt: this.now(), json });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
