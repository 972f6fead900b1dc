export * from './domain-error';
export * from './seeded-random';
export * from './restrictions.port';
export * from './calendar-date';
export * from './csv-table.parser';
export * from './column-mapping';
export * from './person-match';
export * from './sanction-kinds';
