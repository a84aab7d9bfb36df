export * from './global.ts';
export * from './core.ts';
export * from './agreements.ts';
export * from './jointItems.ts';
export * from './jointMilestones.ts';
export * from './jointItemProgress.ts';
export * from './mechanisms.ts';
export * from './recuperation.ts';
