// SPDX-License-Identifier: EUPL-1.2
import { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase, runMigrations } from '../../server/db/client.js';
import { verifyAuditChain } from '../../server/audit/audit.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Check the hash chain of the audit trail; exits 1 when an event was edited or deleted')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await runMigrations(database.db);
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`Auditlogboek intact / audit trail intact: ${result.checked} gebeurtenissen / events gecontroleerd.`);
        } else {
          console.error(
            `Auditlogboek GESCHONDEN / audit trail TAMPERED: gebeurtenis ${result.firstBroken?.seq} (${result.firstBroken?.problem}); ${result.checked} gebeurtenissen daarvoor zijn in orde.`,
          );
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
  return audit;
}
