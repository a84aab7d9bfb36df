// The API as tests call it: one typed caller for every test file (harness.callerFor makes one
// acting as a user in a federation; createCaller takes a request context of your own).
export { createCaller, type Caller } from '../http/caller.ts';
