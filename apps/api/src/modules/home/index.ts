// The homes (issue 15, decision 0022): the staff to-do list and the member's 我的 page, each a
// registry other modules add to from their register().
export { homeRouter } from './home.router.ts';
export { registerMemberSection, registerTodoSource } from './home.registry.ts';
export type { MemberSection, TodoScope, TodoSource } from './home.types.ts';
export { compareTodo, urgencyOf } from './todo.query.ts';
