export * from './global.ts';
export * from './core.ts';
export * from './agreements.ts';
