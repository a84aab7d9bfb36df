import type { MemberSection, TodoSource } from './home.types.ts';

// The registries: modules add to them from their register() (modules/index.ts runs each once).
const todoSources: TodoSource[] = [];
const memberSections: MemberSection[] = [];

export function registerTodoSource(s: TodoSource): void {
  if (todoSources.some((x) => x.key === s.key)) throw new Error(`to-do source ${s.key} is registered twice`);
  todoSources.push(s);
}

export function registerMemberSection(s: MemberSection): void {
  if (memberSections.some((x) => x.key === s.key)) throw new Error(`member section ${s.key} is registered twice`);
  memberSections.push(s);
}

/** registered sources by key (the order of the list never depends on registration) */
export const todoSourceList = (): readonly TodoSource[] => [...todoSources].sort((a, b) => a.key.localeCompare(b.key));
export const memberSectionList = (): readonly MemberSection[] => [...memberSections].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
