import { memberHomeDto, todoListDto } from '@uc/contracts';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { memberHome } from './mine.query.ts';
import { todoList } from './todo.query.ts';

export const homeRouter = router({
  todo: staffProcedure.output(todoListDto).query(({ ctx }) => todoList(ctx.svc)),
  mine: roleProcedure('member').output(memberHomeDto).query(({ ctx }) => memberHome(ctx.svc)),
});
