// Federations: the directory and a federation's home page.
export { federationRouter } from './federation.router.ts';
