import type { ClockDto, HourClockDto, ReferralStatus } from '@uc/contracts';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates.ts';
import type { TFunction } from '@/lib/locale.ts';

// Small pieces the rights pages share: the status tag, the clock summary and the clock cards.

const STATUS_COLOR: Record<ReferralStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  returned: 'volcano',
  in_progress: 'processing',
  on_hold: 'orange',
  resolved: 'green',
  followed_up: 'cyan',
  archived: 'default',
};

export function ReferralStatusTag({ status, t }: { status: ReferralStatus; t: TFunction }) {
  return <Tag color={STATUS_COLOR[status]}>{t(`rights.status.${status}`)}</Tag>;
}

/** The most pressing clock of a referral, as one tag (breached first, then near breach, then running; a hotline's hour clocks before the day clocks). */
export function ClockSummary({ clocks, hourClocks = [], t }: { clocks: ClockDto[]; hourClocks?: HourClockDto[]; t: TFunction }) {
  const all: (ClockDto | HourClockDto)[] = [...hourClocks, ...clocks];
  const breached = all.find((c) => c.breached && c.state !== 'stopped') ?? all.find((c) => c.breached);
  if (breached) return <Tag color="red">{`${t(`rights.clock.${breached.kind}`)} · ${t('rights.clock.breached')}`}</Tag>;
  const live = all.find((c) => (c.state === 'running' || c.state === 'paused') && c.warning) ?? all.find((c) => c.state === 'running' || c.state === 'paused');
  if (!live) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = live.state === 'paused' ? 'default' : live.warning ? 'orange' : 'blue';
  const label = live.state === 'paused' ? t('rights.clockState.paused') : live.dueAt ? t('rights.clock.due', { due: formatDateTime(live.dueAt) }) : t(`rights.clockState.${live.state}`);
  return <Tag color={color}>{`${t(`rights.clock.${live.kind}`)} · ${label}`}</Tag>;
}

/** One clock as a card: its name, its state (breached, warning, running, paused, stopped), how much is spent, and when it falls due. */
function ClockCard({ c, percent, spent, t }: { c: { kind: ClockDto['kind'] | HourClockDto['kind']; breached: boolean; warning: boolean; state: ClockDto['state']; dueAt: string | null }; percent: number; spent: string; t: TFunction }) {
  const status = c.breached ? 'exception' : c.state === 'running' ? 'active' : 'normal';
  return (
    <Card size="small" style={{ flex: '1 1 200px', minWidth: 180 }} data-testid={`clock-${c.kind}`}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t(`rights.clock.${c.kind}`)}</Typography.Text>
        <Tag color={c.breached ? 'red' : c.state === 'paused' ? 'orange' : c.state === 'running' ? (c.warning ? 'gold' : 'blue') : 'default'}>
          {c.breached ? t('rights.clock.breached') : c.warning ? t('rights.clock.warning') : t(`rights.clockState.${c.state}`)}
        </Tag>
      </Flex>
      <Progress percent={Math.min(100, percent)} status={status} showInfo={false} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {spent}
      </Typography.Text>
      {c.dueAt && (
        <div>
          <Typography.Text style={{ fontSize: 12 }}>{t('rights.clock.due', { due: formatDateTime(c.dueAt) })}</Typography.Text>
        </div>
      )}
    </Card>
  );
}

export function ClockCards({ clocks, t }: { clocks: ClockDto[]; t: TFunction }) {
  return (
    <Flex wrap gap={12}>
      {clocks.map((c) => (
        <ClockCard key={c.kind} c={c} t={t} percent={Math.round((c.elapsedDays / Math.max(c.budgetDays, 0.01)) * 100)} spent={t('rights.clock.days', { elapsed: c.elapsedDays, budget: c.budgetDays })} />
      ))}
    </Flex>
  );
}

/** A span of business time as people say it: 1 小时 30 分钟 / 1 h 30 min. */
export function formatMinutes(minutes: number, t: TFunction) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return t('rights.duration.m', { n: m });
  return m ? `${t('rights.duration.h', { n: h })} ${t('rights.duration.m', { n: m })}` : t('rights.duration.h', { n: h });
}

/** The hotline's hour clocks (12351: dispatch, first response, follow-up), counted in business hours. */
export function HourClockCards({ clocks, t }: { clocks: HourClockDto[]; t: TFunction }) {
  return (
    <Flex wrap gap={12} data-testid="hour-clocks">
      {clocks.map((c) => (
        <ClockCard
          key={c.kind}
          c={c}
          t={t}
          percent={Math.round((c.elapsedMinutes / Math.max(c.budgetMinutes, 1)) * 100)}
          spent={t('rights.clock.minutes', { elapsed: formatMinutes(c.elapsedMinutes, t), budget: formatMinutes(c.budgetMinutes, t) })}
        />
      ))}
    </Flex>
  );
}
