// SPDX-License-Identifier: EUPL-1.2
// Every table, for drizzle-kit. Each capability owns its tables in its own schema.ts.
export * from '../municipalities/schema.js';
export * from '../areas/schema.js';
export * from '../people/schema.js';
export * from '../auth/schema.js';
export * from '../mail/schema.js';
export * from '../audit/schema.js';
export * from '../budgets/schema.js';
export * from '../initiatives/schema.js';
export * from '../rounds/schema.js';
export * from '../indicators/schema.js';
export * from '../surveys/schema.js';
export * from '../indicators/analysis/schema.js';
