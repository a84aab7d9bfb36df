import type { BookingDto } from '@uc/contracts';
import { Tag, Tooltip, Typography } from 'antd';
import { StaffList } from '@/components/StaffList.tsx';
import { useTenant } from '@/components/session.ts';
import { StatusTag } from '@/features/recuperation/StatusTag.tsx';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
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
    <StaffList<BookingDto>
      rows={rows}
      rowKey={(b) => b.id}
      loading={!!loading}
      empty={empty ?? t('recuperation.bookings.empty')}
      testId="booking-row"
      {...(selection ? { selection: { ...selection, canSelect: (b: BookingDto) => b.can.approve || b.can.reject } } : {})}
      actions={(b) => <BookingActions booking={b} side={side} />}
      actionsWidth={side === 'home' ? 230 : 200}
      columns={[
        {
          title: t('recuperation.col.member'),
          key: 'member',
          primary: true,
          render: (b) => (
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
                render: (b: BookingDto) => (
                  <div style={{ maxWidth: 240 }}>
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
          render: (b) => (
            <div style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {b.member.idNumberMasked}
              {b.member.mobile && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{b.member.mobile}</div>}
            </div>
          ),
        },
        {
          title: t('recuperation.col.companions'),
          key: 'companions',
          render: (b) => (
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
          render: (b) => (
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
        ...(side === 'home' ? [{ title: t('recuperation.col.review'), key: 'review', render: (b: BookingDto) => <ReviewTag review={b.review} /> }] : []),
      ]}
    />
  );
}
