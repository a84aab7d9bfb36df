// People as readers see them (issue 16): 姓名 + 职务 + 单位 from a user id, or 系统. No router:
// other modules resolve the ids they store through loadPeople.
export { loadPeople } from './person.query.ts';
export type { PeopleResolver } from './person.query.ts';
