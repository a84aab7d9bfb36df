import { CameraOutlined, CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { BookingDto, Locale } from '@uc/contracts';
import { Alert, Button, Card, Descriptions, Flex, Input, Select, Typography } from 'antd';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { tokenFromScan } from '@/features/recuperation/checkinToken.ts';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT, type TFunction } from '@/lib/locale.ts';
import { type Search, params, optionalString } from '@/lib/search.ts';

const QrScanner = lazy(() => import('@/features/recuperation/QrScanner.tsx').then((m) => ({ default: m.QrScanner })));

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/checkin')({
  // a phone camera app opening the QR code's link lands here with the token filled in
  validateSearch: (s: Search) => params({ token: optionalString(s.token, { max: 300 }) }),
  component: CheckInPage,
});

/** At the base's door: scan the member's code (or type it), and they are checked in. */
function CheckInPage() {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const search = Route.useSearch();
  const [text, setText] = useState(search.token ?? '');
  const [scanning, setScanning] = useState(false);
  const [checked, setChecked] = useState<BookingDto | null>(null);
  // an unknown short code is an answer, not an error (the desk's misses are counted)
  const [unknownCode, setUnknownCode] = useState(false);
  const lastScan = useRef('');
  const checkIn = useMutation({
    ...api.recuperation.booking.checkIn.mutationOptions(),
    onSuccess: async (b) => {
      setUnknownCode(b === null);
      if (!b) return;
      setChecked(b);
      setText('');
      await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
    },
  });
  const [batchId, setBatchId] = useState<string | undefined>(undefined);
  const batches = useQuery(api.recuperation.batch.list.queryOptions());
  const shortCode = /^\d{6}$/.test(text.trim()) ? text.trim() : null;
  const token = shortCode ? null : tokenFromScan(text);

  const submit = (raw: string) => {
    if (checkIn.isPending) return;
    const code = raw.trim();
    // a 6-digit code read aloud means something only within the batch the desk chose
    if (/^\d{6}$/.test(code)) {
      if (!batchId) return;
      setChecked(null);
      checkIn.mutate({ batchId, code });
      return;
    }
    const value = tokenFromScan(raw);
    if (!value) return;
    setChecked(null);
    checkIn.mutate({ token: value });
  };
  const onScan = (raw: string) => {
    // the camera reads the same code many times a second
    if (raw === lastScan.current) return;
    lastScan.current = raw;
    setScanning(false);
    setText(raw);
    submit(raw);
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <Card size="small" title={t('recuperation.checkin.title')}>
        <Typography.Paragraph type="secondary">{t('recuperation.checkin.hint')}</Typography.Paragraph>
        {scanning ? (
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            <Suspense fallback={null}>
              <QrScanner onScan={onScan} />
            </Suspense>
            <Button onClick={() => setScanning(false)}>{t('recuperation.checkin.stopCamera')}</Button>
          </Flex>
        ) : (
          <Button icon={<CameraOutlined />} block size="large" onClick={() => setScanning(true)} style={{ marginBottom: 12 }}>
            {t('recuperation.checkin.scan')}
          </Button>
        )}
        <Select
          value={batchId}
          onChange={setBatchId}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: '100%', marginBottom: 8 }}
          placeholder={t('recuperation.checkin.batchPlaceholder')}
          aria-label={t('recuperation.checkin.batch')}
          data-testid="checkin-batch"
          options={(batches.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.route.title} · ${formatDate(b.startDate, locale)}` }))}
        />
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('recuperation.checkin.tokenPlaceholder')}
          aria-label={t('recuperation.checkin.token')}
          style={{ fontFamily: 'ui-monospace, Menlo, monospace' }}
        />
        {text.trim() !== '' && !token && !shortCode && <Typography.Text type="danger">{t('recuperation.checkin.badToken')}</Typography.Text>}
        {shortCode && !batchId && <Typography.Text type="danger">{t('recuperation.checkin.needBatch')}</Typography.Text>}
        <Button type="primary" block size="large" disabled={!token && !(shortCode && batchId)} loading={checkIn.isPending} onClick={() => submit(text)} style={{ marginTop: 12 }}>
          {t('recuperation.checkin.submit')}
        </Button>
      </Card>
      {checkIn.isError && <Alert type="error" showIcon title={checkInProblem(t, locale, checkIn.error)} />}
      {checkIn.isSuccess && unknownCode && <Alert type="error" showIcon title={t('recuperation.checkin.unknown')} data-testid="checkin-unknown" />}
      {checked && <CheckedIn booking={checked} />}
    </Flex>
  );
}

/** What is true about a refused code: unknown here, too early (from when), or over (since when). */
function checkInProblem(t: TFunction, locale: Locale, err: unknown): string {
  const info = errorInfo(err, t('common.networkError'));
  const date = (v: unknown) => (typeof v === 'string' ? formatDate(v, locale) : '');
  if (info.code === 'NOT_FOUND') return t('recuperation.checkin.unknown');
  if (info.code === 'CHECKIN_TOO_EARLY') return t('recuperation.checkin.tooEarly', { date: date(info.details.from) });
  if (info.code === 'CHECKIN_ENDED') return t('recuperation.checkin.ended', { date: date(info.details.to) });
  return info.message;
}

function CheckedIn({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card size="small" data-testid="checkin-result" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }}>
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 22 }} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('recuperation.checkin.done', { name: b.member.name })}
        </Typography.Title>
      </Flex>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('recuperation.col.batch')}>
          {b.batch.routeTitle} · {formatTripDates(b.batch.startDate, b.batch.nights, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('recuperation.checkin.from')}>
          {localName(locale, b.home)} · {b.member.orgUnitName}
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.companions.idNumber')}>{b.member.idNumberMasked}</Descriptions.Item>
        <Descriptions.Item label={t('recuperation.col.companions')}>
          {b.companions.length ? b.companions.map((c) => `${c.name}（${t(`booking.relation.${c.relation}`)}）`).join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('recuperation.col.beds')}>{b.beds}</Descriptions.Item>
        {b.checkedInAt && <Descriptions.Item label={t('recuperation.checkin.at')}>{formatDateTime(b.checkedInAt)}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
