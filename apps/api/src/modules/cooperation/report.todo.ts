import type { TodoItemDto } from '@uc/contracts';
import type { TodoSource } from '../home/index.ts';
import { reportsAwaitingMyConfirmation } from './report.query.ts';

// Annual reports drafted under our agreements that our federation has not confirmed yet (signatories confirm).
export const reportTodo: TodoSource = {
  key: 'report.confirm',
  access: 'cooperation.report.confirm',
  async load(ctx, s): Promise<TodoItemDto[]> {
    return (await reportsAwaitingMyConfirmation(ctx, s.limit + 1)).map((r) => ({
      key: `report.confirm:${r.id}`,
      module: 'report',
      kind: 'report.confirm',
      params: { title: r.title, year: r.year },
      link: { to: '/t/$tenant/agreements/$agreementId/cooperation', params: { agreementId: r.agreementId }, search: { year: r.year } },
      urgency: 'normal',
      due: null,
      at: r.updatedAt.toISOString(),
    }));
  },
};
