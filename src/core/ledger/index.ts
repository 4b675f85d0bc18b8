// SPDX-License-Identifier: EUPL-1.2
export * from './ledger.js';
