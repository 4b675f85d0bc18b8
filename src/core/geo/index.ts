// SPDX-License-Identifier: EUPL-1.2
export * from './geometry.js';
export * from './cbs-codes.js';
export * from './read-document.js';
export * from './validate.js';
