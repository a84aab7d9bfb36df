import type { ContestEventDto } from '@uc/contracts';
import { Button, List, Popover, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

/** The weights line of an event and, on a tap, its whole marking scheme (评分细则) for every party to read. */
export function SchemeSummary({ event: e }: { event: ContestEventDto }) {
  const t = useT();
  const lines = (
    <List
      size="small"
      style={{ maxWidth: 420 }}
      dataSource={e.aspects}
      data-testid="contest-scheme"
      renderItem={(a) => (
        <List.Item>
          <Typography.Text>
            {t('contest.scheme.line', { label: a.label, part: t(a.part === 'theory' ? 'contest.results.theory' : 'contest.results.practical'), type: t(`contest.aspectType.${a.type}`), max: a.max })}
            {a.tolerance && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('contest.judge.tolerance', { target: a.tolerance.target, within: a.tolerance.within, zero: a.tolerance.zeroBeyond, unit: a.tolerance.unit })}
              </Typography.Text>
            )}
            {a.levels && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('contest.scheme.levels', { levels: a.levels.join(' → ') })}
              </Typography.Text>
            )}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={lines} title={t('contest.newEvent.scheme')} trigger="click">
      <Button type="link" size="small" style={{ paddingInline: 0 }} data-testid="contest-scheme-show">
        {t('contest.event.weights', { theory: e.theoryWeight, practical: 100 - e.theoryWeight })}
      </Button>
    </Popover>
  );
}
