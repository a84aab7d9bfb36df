import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import type { CalendarEntryDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Grid, Segmented, Select, Space, Tag, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { byDay, chinaTime, firstOfMonth, monthGrid, monthOf, shiftMonth } from '@/features/programmes/calendar.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDate, todayInChina } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { optionalEnum, optionalString, optionalUuid, params, type Search } from '@/lib/search.ts';

const VIEWS = ['month', 'list'] as const;

/** The events calendar (活动日历): a month of sessions of every event the federation sees, or of one agreement. */
export const Route = createFileRoute('/_app/t/$tenant/programmes-admin/calendar')({
  validateSearch: (s: Search) =>
    params({ month: optionalString(s.month, { max: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/ }), agreement: optionalUuid(s.agreement), view: optionalEnum(s.view, VIEWS) }),
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  component: CalendarPage,
});

function CalendarPage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { md } = Grid.useBreakpoint();
  const month = search.month ?? monthOf(todayInChina());
  // a phone shows the list unless the month grid was asked for
  const view = search.view ?? (md === false ? 'list' : 'month');
  const grid = monthGrid(month);
  const { data: agreements } = useSuspenseQuery(api.agreement.list.queryOptions({}));
  const entries = useQuery(api.programme.calendar.queryOptions({ from: grid[0]!, to: grid[41]!, agreementId: search.agreement ?? null }));
  const go = (next: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...next }), replace: true });
  const [year, m] = month.split('-').map(Number);
  return (
    <>
      <PageHeader
        title={t('programme.calendar.title')}
        extra={
          <Link to="/t/$tenant/programmes-admin" params={{ tenant: slug }}>
            {t('programme.admin.nav')}
          </Link>
        }
      />
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Button icon={<LeftOutlined />} aria-label={t('programme.calendar.prev')} onClick={() => go({ month: shiftMonth(month, -1) })} />
          <Typography.Text strong style={{ minWidth: 96, display: 'inline-block', textAlign: 'center' }} data-testid="calendar-month">
            {t('programme.calendar.month', { year: String(year), month: String(m) })}
          </Typography.Text>
          <Button icon={<RightOutlined />} aria-label={t('programme.calendar.next')} onClick={() => go({ month: shiftMonth(month, 1) })} />
          <Button onClick={() => go({ month: undefined })}>{t('programme.calendar.thisMonth')}</Button>
        </Space>
        <Space wrap>
          <Select
            style={{ minWidth: 200, maxWidth: '100%' }}
            value={search.agreement ?? ''}
            onChange={(v) => go({ agreement: v || undefined })}
            options={[{ value: '', label: t('programme.calendar.allAgreements') }, ...agreements.map((a) => ({ value: a.id, label: a.title }))]}
            aria-label={t('programme.event.agreement')}
            data-testid="calendar-agreement"
          />
          <Segmented value={view} onChange={(v) => go({ view: v as (typeof VIEWS)[number] })} options={VIEWS.map((v) => ({ value: v, label: t(`programme.calendar.view.${v}`) }))} />
        </Space>
      </Flex>
      {view === 'month' ? (
        <MonthGrid month={month} days={grid} entries={entries.data ?? []} loading={entries.isLoading} />
      ) : (
        <DayList month={month} entries={entries.data ?? []} loading={entries.isLoading} locale={locale} />
      )}
    </>
  );
}

function EntryLine({ e, compact }: { e: CalendarEntryDto; compact?: boolean }) {
  const t = useT();
  const { slug } = useTenant();
  const cancelled = e.status === 'cancelled';
  return (
    <Link
      to="/t/$tenant/programmes-admin/$eventId"
      params={{ tenant: slug, eventId: e.eventId }}
      data-testid="calendar-entry"
      title={`${chinaTime(e.startsAt)} ${e.eventTitle} · ${e.title}`}
      style={{
        display: 'block',
        fontSize: compact ? 12 : undefined,
        lineHeight: compact ? '18px' : undefined,
        padding: compact ? '0 4px' : undefined,
        borderRadius: 4,
        background: compact ? (e.own ? '#e6f4ff' : '#f6ffed') : undefined,
        textDecoration: cancelled ? 'line-through' : undefined,
        color: cancelled ? 'rgba(0,0,0,0.45)' : undefined,
        overflow: 'hidden',
        whiteSpace: compact ? 'nowrap' : undefined,
        textOverflow: 'ellipsis',
      }}
    >
      {chinaTime(e.startsAt)} {e.eventTitle}
      {!compact && ` · ${e.title}`}
      {!compact && cancelled && ` （${t('programme.calendar.cancelled')}）`}
    </Link>
  );
}

/** Six Monday-first weeks; each day lists its sessions (three, then "N more"). */
function MonthGrid({ month, days, entries, loading }: { month: string; days: string[]; entries: CalendarEntryDto[]; loading: boolean }) {
  const t = useT();
  const today = todayInChina();
  const grouped = byDay(entries);
  const weekdays = t('programme.calendar.weekdays').split(',');
  return (
    <Card size="small" loading={loading} styles={{ body: { padding: 0 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }} data-testid="calendar-grid">
        {weekdays.map((w) => (
          <div key={w} style={{ padding: '6px 8px', fontWeight: 600, borderBottom: '1px solid #f0f0f0', textAlign: 'center' }}>
            {w}
          </div>
        ))}
        {days.map((day) => {
          const list = grouped.get(day) ?? [];
          const inMonth = monthOf(day) === month;
          return (
            <div
              key={day}
              data-testid={inMonth ? 'calendar-day' : undefined}
              data-day={day}
              style={{ minHeight: 96, padding: 4, borderBottom: '1px solid #f0f0f0', borderRight: '1px solid #f0f0f0', background: inMonth ? undefined : '#fafafa', overflow: 'hidden' }}
            >
              <div style={{ textAlign: 'right', fontSize: 12, color: day === today ? '#1677ff' : inMonth ? undefined : 'rgba(0,0,0,0.25)', fontWeight: day === today ? 700 : undefined }}>{Number(day.slice(8))}</div>
              <Flex vertical gap={2}>
                {list.slice(0, 3).map((e) => (
                  <EntryLine key={e.sessionId} e={e} compact />
                ))}
                {list.length > 3 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('programme.calendar.more', { n: String(list.length - 3) })}</Typography.Text>}
              </Flex>
            </div>
          );
        })}
      </div>
    </Card>
  );
}

/** The month's sessions day by day: time, event and session, place, host, seats — what a phone shows. */
function DayList({ month, entries, loading, locale }: { month: string; entries: CalendarEntryDto[]; loading: boolean; locale: 'zh-CN' | 'en' }) {
  const t = useT();
  const days = [...byDay(entries).entries()].filter(([day]) => monthOf(day) === month && day >= firstOfMonth(month));
  if (loading) return <Card size="small" loading />;
  if (!days.length) return <Empty description={t('programme.calendar.empty')} />;
  return (
    <Flex vertical gap={12}>
      {days.map(([day, list]) => (
        <Card key={day} size="small" title={formatDate(day, locale)} data-testid="calendar-list-day">
          <Flex vertical gap={10}>
            {list.map((e) => (
              <div key={e.sessionId}>
                <EntryLine e={e} />
                <Flex wrap gap={4} style={{ marginTop: 2 }}>
                  <Typography.Text type="secondary">
                    {chinaTime(e.startsAt)}–{chinaTime(e.endsAt)} · {e.venue ? `${e.venue.name}（${e.venue.federation}）` : t('programme.calendar.online')} · {e.host}
                  </Typography.Text>
                  <Tag>{t(`programme.kind.${e.kind}`)}</Tag>
                  {e.eventStatus === 'draft' && <Tag color="default">{t('programme.event.status.draft')}</Tag>}
                  {!e.own && <Tag color="green">{t('programme.calendar.partner')}</Tag>}
                  {e.status === 'cancelled' ? <Tag color="red">{t('programme.calendar.cancelled')}</Tag> : <Tag color="blue">{t('programme.calendar.seats', { free: String(e.free), capacity: String(e.capacity) })}</Tag>}
                </Flex>
              </div>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
