// SPDX-License-Identifier: EUPL-1.2
export * from './lifecycle.js';
export * from './attachments.js';
