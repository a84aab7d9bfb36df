import type { EventFeedbackDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findFeedbackOfEvent } from './feedback.repo.ts';
import { nameOf } from './programme.dto.ts';
import { findEvent, findFederationNames, findSessionsOfEvents } from './programme.repo.ts';

// What attendees said about an event, derived from the feedback rows every time: count and average
// per session and overall, and the comments with their city (never a name). The host reads every
// city's; the co-host its own members' (row-level security).

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

export async function eventFeedback(ctx: ServiceCtx, eventId: string): Promise<EventFeedbackDto> {
  const e = await findEvent(ctx, eventId);
  if (!e) throw new AppError('NOT_FOUND');
  const [rows, sessions] = await Promise.all([findFeedbackOfEvent(ctx, e.id), findSessionsOfEvents(ctx, [e.id])]);
  const names = await findFederationNames(ctx, rows.map((r) => r.tenantId));
  const titleOf = new Map(sessions.map(({ session }) => [session.id, session.title]));
  return {
    eventId: e.id,
    count: rows.length,
    average: mean(rows.map((r) => r.rating)),
    sessions: sessions.map(({ session }) => {
      const of = rows.filter((r) => r.sessionId === session.id).map((r) => r.rating);
      return { sessionId: session.id, title: session.title, count: of.length, average: mean(of) };
    }),
    comments: rows
      .filter((r) => r.comment)
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((r) => ({ rating: r.rating, comment: r.comment, city: nameOf(names, r.tenantId, ctx.locale), sessionTitle: titleOf.get(r.sessionId) ?? '', at: r.at.toISOString() })),
  };
}
