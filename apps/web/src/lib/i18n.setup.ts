import { loadCatalogue } from './i18n.ts';

// Unit tests translate in both languages: load both catalogues before any test runs.
await Promise.all([loadCatalogue('zh-CN'), loadCatalogue('en')]);
