import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { markFromLevel, markFromMeasure, type ContestAspectDto } from '@uc/contracts';
import { Alert, App, Button, Card, Flex, InputNumber, Radio, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';

export const Route = createFileRoute('/_app/t/$tenant/judge/$eventId')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).contest.score.sheet.queryOptions({ eventId: params.eventId })),
  component: ScoreSheet,
});

/** 评分 on a phone at the venue: pick a contestant NUMBER (never a name), mark each aspect once. */
function ScoreSheet() {
  const t = useT();
  const { api } = useTenant();
  const { eventId } = Route.useParams();
  const { data: sheet } = useSuspenseQuery(api.contest.score.sheet.queryOptions({ eventId }));
  const [number, setNumber] = useState<number | null>(sheet.contestants[0]?.number ?? null);
  const current = sheet.contestants.find((c) => c.number === number);
  return (
    <>
      <PageHeader title={sheet.trade} subtitle={t('contest.judge.blind')} />
      {sheet.locked && <Alert type="warning" showIcon message={t('contest.judge.locked')} style={{ marginBottom: 12 }} />}
      <Segmented
        block
        data-testid="judge-numbers"
        value={number ?? undefined}
        onChange={(v) => setNumber(Number(v))}
        options={sheet.contestants.map((c) => ({ value: c.number, label: `${c.number}${Object.keys(c.marks).length === sheet.aspects.length ? ' ✓' : ''}` }))}
        style={{ marginBottom: 12, overflowX: 'auto' }}
      />
      {current && (
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('contest.judge.number', { n: current.number })}
          </Typography.Title>
          {sheet.aspects.map((a) => (
            <AspectCard key={`${current.number}-${a.key}`} eventId={eventId} number={current.number} aspect={a} mark={current.marks[a.key]} locked={sheet.locked} />
          ))}
        </Flex>
      )}
    </>
  );
}

function AspectCard({ eventId, number, aspect, mark, locked }: { eventId: string; number: number; aspect: ContestAspectDto; mark: number | undefined; locked: boolean }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(null);
  const submit = useMutation(
    api.contest.score.submit.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  // a taken mark shows as taken at once, not only after the sheet refetches: no second tap sends it twice
  const taken = mark ?? (submit.isSuccess ? submit.data.mark : undefined);
  return (
    <Card size="small" data-testid="aspect" title={aspect.label} extra={<Tag>{aspect.max}</Tag>}>
      {aspect.tolerance && <Typography.Text type="secondary">{t('contest.judge.tolerance', { target: aspect.tolerance.target, within: aspect.tolerance.within, zero: aspect.tolerance.zeroBeyond, unit: aspect.tolerance.unit })}</Typography.Text>}
      {taken !== undefined ? (
        <Tag color="green" data-testid="aspect-done">
          {t('contest.judge.submitted', { mark: taken / 100 })}
        </Tag>
      ) : (
        <Flex vertical gap={8}>
          {aspect.levels ? (
            <Radio.Group value={value} onChange={(e) => setValue(e.target.value as number)} disabled={locked} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {aspect.levels.map((d, i) => (
                <Radio key={d} value={i}>
                  {t('contest.judge.level', { descriptor: d, mark: markFromLevel(aspect.max, aspect.levels!.length, i) / 100 })}
                </Radio>
              ))}
            </Radio.Group>
          ) : (
            <InputNumber
              inputMode="decimal"
              min={aspect.tolerance ? undefined : 0}
              max={aspect.tolerance ? undefined : aspect.max}
              step={aspect.tolerance ? 0.01 : 0.5}
              value={value}
              onChange={(v) => setValue(v)}
              aria-label={aspect.tolerance ? t('contest.judge.measured', { unit: aspect.tolerance.unit }) : t('contest.judge.mark', { max: aspect.max })}
              placeholder={aspect.tolerance ? t('contest.judge.measured', { unit: aspect.tolerance.unit }) : t('contest.judge.mark', { max: aspect.max })}
              suffix={aspect.tolerance?.unit || undefined}
              style={{ width: '100%' }}
              size="large"
              disabled={locked}
            />
          )}
          {aspect.tolerance && value !== null && <Typography.Text data-testid="aspect-preview">{t('contest.judge.earns', { mark: markFromMeasure(aspect.max, aspect.tolerance, value) / 100 })}</Typography.Text>}
          <Button type="primary" size="large" block disabled={locked || value === null} loading={submit.isPending} onClick={() => value !== null && submit.mutate({ eventId, number, aspect: aspect.key, ...submission(aspect, value) })}>
            {t('contest.judge.submit')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/** What the phone sends: the measured value or the level chosen where the aspect has that rule (the server works the mark out), else the mark. */
function submission(aspect: ContestAspectDto, value: number): { mark: number } | { measured: number } | { level: number } {
  if (aspect.tolerance) return { measured: value };
  if (aspect.levels) return { level: value };
  return { mark: Math.round(value * 100) };
}
