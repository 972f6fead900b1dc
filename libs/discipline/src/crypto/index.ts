/** Cryptography of the disciplinary context (S11, S10). See README.md in this folder. */
export * from './crypto.errors';
export * from './key-ring';
export * from './case-data-key';
export * from './case-cipher';
export * from './respondent-matching-key';
export * from './directory-handle';
export * from './rejoin-fingerprint';
export * from './key-check';
