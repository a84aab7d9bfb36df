import { useMutation, useQuery } from '@tanstack/react-query';
import type { NationalYearDto } from '@uc/contracts';
import { Alert, Button, Card, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatNationalDays, parseNationalDays } from '@/features/calendar/nationalDays.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { api } from '@/lib/trpc.ts';

/**
 * The national working-day calendar per year: where each year's holidays come from, and for a year
 * the built-in calendar does not know yet, the State Council's notice typed in by the operator.
 */
export function NationalCalendar() {
  const t = useT();
  const years = useQuery(api.platform.calendar.queryOptions());
  const [editing, setEditing] = useState<NationalYearDto | null>(null);
  return (
    <Card size="small" title={t('platform.calendar.title')} style={{ marginTop: 24 }} data-testid="national-calendar">
      <Typography.Paragraph type="secondary">{t('platform.calendar.hint')}</Typography.Paragraph>
      <Table<NationalYearDto>
        rowKey="year"
        size="small"
        pagination={false}
        loading={years.isLoading}
        dataSource={years.data ?? []}
        columns={[
          { title: t('platform.calendar.year'), dataIndex: 'year' },
          {
            title: t('platform.calendar.source'),
            render: (_, y) => <Tag color={{ package: 'default', entered: 'blue', unknown: 'red' }[y.source]}>{t(`platform.calendar.source.${y.source}`)}</Tag>,
          },
          { title: t('platform.calendar.days'), render: (_, y) => (y.days.length ? t('platform.calendar.count', { holidays: y.days.filter((d) => !d.work).length, workdays: y.days.filter((d) => d.work).length }) : '—') },
          {
            title: '',
            render: (_, y) => (
              <Button size="small" onClick={() => setEditing(y)}>
                {t(y.days.length ? 'platform.calendar.edit' : 'platform.calendar.enter')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <YearModal year={editing} onClose={() => setEditing(null)} onDone={async () => (setEditing(null), years.refetch())} />}
    </Card>
  );
}

function YearModal({ year, onClose, onDone }: { year: NationalYearDto; onClose(): void; onDone(): Promise<unknown> }) {
  const t = useT();
  const [text, setText] = useState(formatNationalDays(year.days));
  const parsed = parseNationalDays(text);
  const save = useMutation(api.platform.setCalendarYear.mutationOptions({ onSuccess: onDone }));
  const problem = !parsed.ok ? t('platform.calendar.badLine', { line: parsed.line, text: parsed.text }) : save.error ? errorInfo(save.error, t('common.networkError')) : null;
  return (
    <Modal
      open
      title={t('platform.calendar.modal', { year: year.year })}
      okText={t('common.save')}
      okButtonProps={{ disabled: !parsed.ok }}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => parsed.ok && save.mutate({ year: year.year, days: parsed.days })}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('platform.calendar.format')}</Typography.Paragraph>
      <Input.TextArea aria-label={t('platform.calendar.days')} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 8, maxRows: 20 }} style={{ fontFamily: 'monospace' }} />
      {problem && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          title={typeof problem === 'string' ? problem : problem.message}
          description={typeof problem === 'string' ? undefined : Object.values(problem.fields).join('；') || undefined}
        />
      )}
    </Modal>
  );
}
