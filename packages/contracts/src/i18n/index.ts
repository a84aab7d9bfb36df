export * from './errors.ts';
export * from './ui.zh-CN.ts';
export * from './ui.en.ts';
export * from './auditText.ts';
