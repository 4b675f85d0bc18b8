// SPDX-License-Identifier: EUPL-1.2
// Group commit for ballots cast with a voting code. While one statement is on its way to the
// database, the ballots that arrive wait; when it returns they all go in the next statement. Under
// load (a round's first evening) that is one statement and one WAL flush for many voters instead of
// one each; a single voter waits for nothing. One ballot per code still comes from the database: the
// batch statement marks each code with the same conditional UPDATE (castFirstCodeBallots). ADR 0015.
import type { Db } from '../db/client.js';
import { nowIso } from '../budgets/time.js';
import { castFirstCodeBallots, type CodeBallot } from './queries.js';

interface Waiting {
  ballot: CodeBallot;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

export class BallotBatcher {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves true when this ballot was stored, false when its code was unknown, used or for another area. */
  cast(ballot: CodeBallot): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.waiting.push({ ballot, resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const stored = await castFirstCodeBallots(
            this.db,
            batch.map((w) => w.ballot),
            nowIso(),
          );
          batch.forEach((w, i) => w.resolve(stored.has(i)));
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
