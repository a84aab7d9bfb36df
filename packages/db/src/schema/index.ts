export * from './global.ts';
export * from './core.ts';
