// SPDX-License-Identifier: EUPL-1.2
// The `wijkwijs` command line. Each command lives in src/cli/commands/ and is registered here.
import { Command } from 'commander';
import { serveCommand, migrateCommand } from './commands/server.js';
import { auditCommand } from './commands/audit.js';
import { seedDemoCommand, importAreasCommand } from './commands/areas.js';
import { pbCommand } from './commands/pb.js';
import { importIndicatorsCommand } from './commands/indicators.js';
import { ConfigError } from '../server/config.js';
import { AppError } from '../server/errors.js';

const program = new Command('wijkwijs')
  .description('Wijkwijs: wijkgericht werken voor gemeenten / neighbourhood-oriented working for municipalities')
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(seedDemoCommand())
  .addCommand(importAreasCommand())
  .addCommand(importIndicatorsCommand())
  .addCommand(auditCommand())
  .addCommand(pbCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) console.error(`Fout (${error.code}): ${error.text.nl}`);
  else console.error(error);
  process.exit(1);
}
