export * from './floor.errors';
export * from './standing-orders';
export * from './motion.entity';
export * from './amendment';
export * from './speakers-list';
export * from './vote';
export * from './composite';
export * from './shown-movers';
