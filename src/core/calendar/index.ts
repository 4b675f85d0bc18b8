// SPDX-License-Identifier: EUPL-1.2
export * from './deadlines.js';
