import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Col, Empty, Flex, List, Row, Table, Tag, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatYuan } from '@/features/recuperation/money.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { formatMinutes, ReferralStatusTag } from './rightsUi.tsx';

// The cross-city case board (issue 11): open referrals by partner and state, clocks near a deadline
// and deadlines missed (working-day clocks and the hotline's hour clocks), and what was resolved and
// recovered per partner and year — each figure derived by the API from the referrals' events.

export function RightsBoard() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const board = useQuery(api.referral.board.queryOptions());
  // the desk's list (already loaded) names each referral: dispute kind and partner
  const referrals = useQuery(api.referral.list.queryOptions({ side: 'all' }));
  if (board.isLoading || !board.data) return <Card size="small" loading />;
  const b = board.data;
  const fed = (f: { nameZh: string; nameEn: string }) => (locale === 'en' ? f.nameEn : f.nameZh);
  const byId = new Map((referrals.data ?? []).map((r) => [r.id, r]));
  const link = (referralId: string) => {
    const r = byId.get(referralId);
    return (
      <Link to="/t/$tenant/rights/$referralId" params={{ tenant: slug, referralId }} data-testid="board-referral">
        {r ? `${t(`rights.kind.${r.disputeKind}`)} · ${fed(r.side === 'referred' ? r.performer : r.referrer)}` : t('rights.board.referral')}
      </Link>
    );
  };

  // open referrals: one line per partner and side, its states with their counts
  const groups = new Map<string, { partner: string; side: 'referred' | 'received'; states: { status: (typeof b.open)[number]['status']; count: number }[] }>();
  for (const o of b.open) {
    const key = `${o.partner.slug}:${o.side}`;
    const g = groups.get(key) ?? { partner: fed(o.partner), side: o.side, states: [] };
    g.states.push({ status: o.status, count: o.count });
    groups.set(key, g);
  }
  const near = [
    ...b.hourNearBreach.map((x) => ({ id: x.referralId, key: `${x.referralId}-${x.clock}`, clock: t(`rights.clock.${x.clock}`), left: t('rights.board.remainingMinutes', { time: formatMinutes(x.remainingMinutes, t) }) })),
    ...b.nearBreach.map((x) => ({ id: x.referralId, key: `${x.referralId}-${x.clock}`, clock: t(`rights.clock.${x.clock}`), left: t('rights.board.remainingDays', { n: x.remainingDays }) })),
  ];
  const missed = [
    ...b.hourBreaches.map((x) => ({ id: x.referralId, key: `${x.referralId}-${x.clock}`, clock: t(`rights.clock.${x.clock}`), used: t('rights.clock.minutes', { elapsed: formatMinutes(x.elapsedMinutes, t), budget: formatMinutes(x.budgetMinutes, t) }) })),
    ...b.breaches.map((x) => ({ id: x.referralId, key: `${x.referralId}-${x.clock}`, clock: t(`rights.clock.${x.clock}`), used: t('rights.clock.days', { elapsed: x.elapsedDays, budget: x.budgetDays }) })),
  ];
  return (
    <Row gutter={[16, 16]} data-testid="rights-board">
      <Col xs={24} lg={12}>
        <Card size="small" title={t('rights.board.open')}>
          {groups.size === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rights.board.none')} />
          ) : (
            <Flex vertical gap={10}>
              {[...groups.values()].map((g) => (
                <div key={`${g.partner}-${g.side}`} data-testid="board-open">
                  <Typography.Text strong>{g.partner}</Typography.Text> <Typography.Text type="secondary">· {t(`rights.side.${g.side}`)}</Typography.Text>
                  <Flex wrap gap={4} style={{ marginTop: 4 }}>
                    {g.states.map((s) => (
                      <span key={s.status}>
                        <ReferralStatusTag status={s.status} t={t} /> {t('rights.board.count', { n: s.count })}
                      </span>
                    ))}
                  </Flex>
                </div>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('rights.board.outcomes')}>
          <Table
            size="small"
            rowKey={(o) => `${o.partner.slug}-${o.year}`}
            dataSource={b.outcomes}
            pagination={false}
            locale={{ emptyText: t('rights.board.none') }}
            columns={[
              { title: t('rights.col.partner'), render: (_, o) => fed(o.partner) },
              { title: t('rights.board.year'), dataIndex: 'year' },
              { title: t('rights.board.resolved'), dataIndex: 'resolved', align: 'right' },
              { title: t('rights.board.amount'), align: 'right', render: (_, o) => formatYuan(o.amountRecoveredFen) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('rights.board.nearBreach')}>
          <List
            size="small"
            dataSource={near}
            locale={{ emptyText: t('rights.board.none') }}
            renderItem={(x) => (
              <List.Item key={x.key} data-testid="board-near">
                <Flex wrap gap={8} align="center">
                  {link(x.id)}
                  <Tag color="gold">{x.clock}</Tag>
                  <span>{x.left}</span>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('rights.board.breaches')}>
          <List
            size="small"
            dataSource={missed}
            locale={{ emptyText: t('rights.board.none') }}
            renderItem={(x) => (
              <List.Item key={x.key} data-testid="board-breach">
                <Flex wrap gap={8} align="center">
                  {link(x.id)}
                  <Tag color="red">{x.clock}</Tag>
                  <span>{x.used}</span>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
