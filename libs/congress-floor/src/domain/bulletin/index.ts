export * from './bulletin.errors';
export * from './bulletin';
