export * from './domain-error';
export * from './seeded-random';
export * from './restrictions.port';
