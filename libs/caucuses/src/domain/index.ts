export * from './caucus.errors';
export * from './caucus';
export * from './caucus-vote';
