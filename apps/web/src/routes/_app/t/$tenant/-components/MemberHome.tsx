import { CalendarOutlined, HeartOutlined, QrcodeOutlined, RightOutlined, SafetyCertificateOutlined, TrophyOutlined } from '@ant-design/icons';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { FederationHomeDto, Locale, MemberHomeDto, MemberRowDto } from '@uc/contracts';
import { App, Button, Card, Empty, Modal, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe, useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { formatDate } from '@/lib/dates.ts';
import { localName, type UiKey } from '@/lib/i18n.ts';
import { useLocale, useT, type TFunction } from '@/lib/locale.ts';

type Section = MemberHomeDto['sections'][number];

/** A member's home is their 我的 page: everything the platform does for them, in one request. */
export function MemberHome({ home }: { home: FederationHomeDto }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const { api, slug } = useTenant();
  const { data } = useSuspenseQuery(api.home.mine.queryOptions());
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="member-home">
      <div style={{ padding: '4px 4px 12px' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.mine.hello', { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.mine.federation', { federation: localName(locale, home.federation) })}</Typography.Text>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/t/$tenant/recuperation" params={{ tenant: slug }}>
          <Button type="primary" icon={<HeartOutlined />}>
            {t('home.mine.go.recuperation')}
          </Button>
        </Link>
        <Link to="/t/$tenant/programmes" params={{ tenant: slug }}>
          <Button icon={<CalendarOutlined />}>{t('home.mine.go.programmes')}</Button>
        </Link>
        <Link to="/t/$tenant/contests/apply" params={{ tenant: slug }}>
          <Button icon={<TrophyOutlined />}>{t('contest.apply.go')}</Button>
        </Link>
      </Space>
      {data.sections.length === 0 && (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.mine.empty')} />
        </Card>
      )}
      {data.sections.map((s) => (
        <SectionCard key={s.key} section={s} />
      ))}
    </div>
  );
}

function SectionCard({ section }: { section: Section }) {
  const t = useT();
  const first = section.rows[0];
  const extra =
    section.key === 'learning' && first ? (
      <Typography.Text type="secondary">{t('home.mine.learning', { sessions: first.params.sessions ?? 0, hours: first.params.totalHours ?? 0 })}</Typography.Text>
    ) : section.total > section.rows.length ? (
      <Typography.Text type="secondary">{t('home.mine.more', { total: section.total })}</Typography.Text>
    ) : null;
  return (
    <Card size="small" title={t(`home.mine.section.${section.key}`)} extra={extra} style={{ marginBottom: 12 }} styles={{ body: { padding: '0 12px' } }} data-testid={`mine-${section.key}`}>
      {section.rows.map((r) => (
        <Row key={r.id} row={r} section={section.key} />
      ))}
    </Card>
  );
}

function statusLabel(t: TFunction, section: Section['key'], status: string): string {
  if (section === 'stays') return t(`booking.state.${status}` as UiKey);
  if (section === 'rights' && status !== 'received') return t(`rights.status.${status}` as UiKey);
  return t(`home.mine.status.${status}` as UiKey);
}

function detailOf(t: TFunction, section: Section['key'], r: MemberRowDto, locale: Locale): string {
  const p = r.params;
  const date = r.date ? formatDate(r.date, locale) : '';
  switch (section) {
    case 'stays':
      return `${locale === 'en' ? p.hostEn : p.host} · ${p.start} – ${p.end}`;
    case 'tickets':
      return `${p.host} · ${date} · ${p.place}`;
    case 'requests':
      return [p.host, date, Number(p.waitlist) > 0 ? t('home.mine.waitlistAt', { n: p.waitlist ?? 0 }) : ''].filter(Boolean).join(' · ');
    case 'learning':
      return `${p.host} · ${date} · ${t('home.mine.hours', { hours: p.hours ?? 0 })}`;
    case 'contests':
      return [p.trade, date, p.award ? t('home.mine.award', { award: p.award, rank: p.rank ?? 0 }) : ''].filter(Boolean).join(' · ');
    case 'rights':
      return [t(`rights.kind.${p.dispute}` as UiKey), p.partner ? t('home.mine.partner', { partner: String(locale === 'en' ? p.partnerEn : p.partner) }) : ''].filter(Boolean).join(' · ');
    case 'honours':
      return `${t(`honour.${p.honour}` as UiKey)} · ${date}`;
    default:
      return date;
  }
}

function Row({ row, section }: { row: MemberRowDto; section: Section['key'] }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  const [qr, setQr] = useState(false);
  const title = section === 'honours' ? t('home.mine.honourFrom', { source: row.title }) : row.title;
  const body = (
    <div style={{ flex: 1, minWidth: 0 }}>
      <div style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
        <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
          {title}
        </Typography.Text>
        {row.status && <Tag style={{ marginInlineEnd: 0 }}>{statusLabel(t, section, row.status)}</Tag>}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {detailOf(t, section, row, locale)}
      </Typography.Text>
    </div>
  );
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 0', borderBottom: '1px solid #f5f5f5' }}>
      {row.link ? (
        <Link to={row.link.to as never} params={{ tenant: slug, ...row.link.params } as never} style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', color: 'inherit' }}>
          {body}
          <RightOutlined style={{ color: '#bbb', marginInlineStart: 4 }} />
        </Link>
      ) : (
        body
      )}
      {row.qr && (
        <>
          <Button size="small" icon={<QrcodeOutlined />} onClick={() => setQr(true)} aria-label={t('home.mine.qr')} />
          <Modal open={qr} onCancel={() => setQr(false)} footer={null} title={t('home.mine.qr')} centered width={320}>
            <div style={{ display: 'flex', justifyContent: 'center' }}>
              <QRCode value={row.qr} size={240} />
            </div>
          </Modal>
        </>
      )}
      {row.withdraw && <Withdraw what={row.withdraw} />}
      {row.verify && (
        <a href={row.verify} target="_blank" rel="noreferrer" aria-label={t('home.mine.verify')}>
          <Button size="small" icon={<SafetyCertificateOutlined />}>
            {t('home.mine.verify')}
          </Button>
        </a>
      )}
    </div>
  );
}

/** Takes back what is still waiting: a request for the home federation's approval, or a waitlisted registration. */
function Withdraw({ what }: { what: NonNullable<MemberRowDto['withdraw']> }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message, modal } = App.useApp();
  const done = {
    onSuccess: () => {
      void message.success(t('home.mine.withdrawn'));
      return refresh();
    },
    onError: (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message),
  };
  const request = useMutation(api.programme.request.withdraw.mutationOptions(done));
  const registration = useMutation(api.programme.registration.cancel.mutationOptions(done));
  const confirm = () =>
    modal.confirm({
      title: t('home.mine.withdrawConfirm'),
      okText: t('home.mine.withdraw'),
      centered: true,
      onOk: () => (what.kind === 'request' ? request.mutateAsync({ id: what.id }) : registration.mutateAsync({ id: what.id, reason: '' })).then(() => undefined, () => undefined),
    });
  return (
    <Button size="small" danger loading={request.isPending || registration.isPending} onClick={confirm} data-testid="mine-withdraw">
      {t('home.mine.withdraw')}
    </Button>
  );
}
