import type { BookingDto } from '@uc/contracts';
import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { useTenant } from '../../../../../../components/session.ts';
import { StatusTag } from '../../../../../../features/recuperation/StatusTag.tsx';
import { formatTripDates } from '../../../../../../features/recuperation/tripDates.ts';
import { formatDateTime } from '../../../../../../lib/dates.ts';
import { localName } from '../../../../../../lib/i18n.ts';
import { useLocale, useT } from '../../../../../../lib/locale.ts';
import { BookingActions } from './BookingActions.tsx';
import { ReviewTag } from './ReviewTag.tsx';

interface Props {
  rows: BookingDto[];
  /** home: our members' bookings; host: bookings at our bases */
  side: 'home' | 'host';
  /** the roster of one batch needs no batch column */
  showBatch?: boolean;
  loading?: boolean;
  empty?: string;
  /** rows ticked for a bulk decision (only those the user may approve or return can be ticked) */
  selection?: { keys: string[]; onChange(keys: string[]): void };
}

/** Bookings as staff work through them: who, which batch, with whom, where it stands, the next step. */
export function BookingTable({ rows, side, showBatch = true, loading, empty, selection }: Props) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  return (
    <Table<BookingDto>
      rowKey="id"
      size="middle"
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      {...(selection
        ? { rowSelection: { selectedRowKeys: selection.keys, onChange: (keys: React.Key[]) => selection.onChange(keys.map(String)), getCheckboxProps: (b: BookingDto) => ({ disabled: !b.can.approve && !b.can.reject }) } }
        : {})}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('recuperation.bookings.empty')} /> }}
      columns={[
        {
          title: t('recuperation.col.member'),
          key: 'member',
          render: (_, b) => (
            <div style={{ minWidth: 120, maxWidth: 220 }}>
              <Typography.Text strong>{b.member.name}</Typography.Text>
              {side === 'host' && (
                <Tag color={b.home.slug === slug ? 'default' : 'purple'} style={{ marginInlineStart: 6 }}>
                  {b.home.slug === slug ? t('recuperation.own') : localName(locale, b.home)}
                </Tag>
              )}
              {b.nominated && <Tag style={{ marginInlineStart: 4 }}>{t('recuperation.nominated')}</Tag>}
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>{b.member.orgUnitName}</div>
            </div>
          ),
        },
        ...(showBatch
          ? [
              {
                title: t('recuperation.col.batch'),
                key: 'batch',
                render: (_: unknown, b: BookingDto) => (
                  <div style={{ minWidth: 160, maxWidth: 240 }}>
                    <div>{b.batch.routeTitle}</div>
                    <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                      {b.batch.code} · {formatTripDates(b.batch.startDate, b.batch.nights, locale)}
                      {side === 'home' && ` · ${localName(locale, b.host)}`}
                    </div>
                  </div>
                ),
              },
            ]
          : []),
        {
          title: t('recuperation.col.idNumber'),
          key: 'id',
          render: (_, b) => (
            <div style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {b.member.idNumberMasked}
              {b.member.mobile && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{b.member.mobile}</div>}
            </div>
          ),
        },
        {
          title: t('recuperation.col.companions'),
          key: 'companions',
          render: (_, b) => (
            <div style={{ whiteSpace: 'nowrap' }}>
              {b.companions.length === 0 ? (
                '—'
              ) : (
                <Tooltip
                  title={b.companions.map((c) => (
                    <div key={c.idNumberMasked + c.name}>
                      {c.name}（{t(`booking.relation.${c.relation}`)}）{c.idNumberMasked}
                    </div>
                  ))}
                >
                  <span>{b.companions.map((c) => c.name).join('、')}</span>
                </Tooltip>
              )}
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>{t('booking.form.beds', { n: b.beds })}</div>
            </div>
          ),
        },
        {
          title: t('recuperation.col.status'),
          key: 'status',
          render: (_, b) => (
            <div style={{ whiteSpace: 'nowrap' }}>
              <StatusTag status={b.status} />
              {b.checkedInAt && (
                <Tooltip title={formatDateTime(b.checkedInAt)}>
                  <Tag color="green" style={{ marginInlineStart: 4 }}>
                    {t('recuperation.checkedIn')}
                  </Tag>
                </Tooltip>
              )}
              {b.status === 'waitlisted' && b.waitlistPosition !== null && <span style={{ fontSize: 12, color: '#8c8c8c' }}> #{b.waitlistPosition}</span>}
              {b.cancelKind && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t(`booking.cancelKind.${b.cancelKind}`)}</div>}
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('recuperation.col.requestedAtValue', { time: formatDateTime(b.requestedAt) })}</div>
            </div>
          ),
        },
        ...(side === 'home' ? [{ title: t('recuperation.col.review'), key: 'review', render: (_: unknown, b: BookingDto) => <ReviewTag review={b.review} /> }] : []),
        // fixed right: the next step stays on screen however wide the other columns are
        { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_, b) => <BookingActions booking={b} side={side} /> },
      ]}
    />
  );
}
