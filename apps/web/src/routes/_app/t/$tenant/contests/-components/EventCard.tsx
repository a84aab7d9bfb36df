import { useMutation } from '@tanstack/react-query';
import type { ContestEventDto } from '@uc/contracts';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { contestFileUrl } from '@/lib/downloads.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { PanelTab } from './PanelTab.tsx';
import { RegistrationsTab } from './RegistrationsTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { SchemeSummary } from '@/features/contest/SchemeSummary.tsx';
import { SchemeButton } from './SchemeModal.tsx';
import { TheoryImportButton, TheoryStatus } from './TheoryImport.tsx';

const STAGE_COLOR: Record<ContestEventDto['stage'], string> = { registration: 'green', closed: 'orange', drawn: 'blue', locked: 'purple', published: 'gold', finalised: 'default' };

/** One event (赛项): its facts, the organiser's next step, and entrants / judges / results. */
export function EventCard({ event: e, organiser }: { event: ContestEventDto; organiser: boolean }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const opts = { onSuccess: () => void refresh(), onError: (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message) };
  const draw = useMutation(api.contest.event.draw.mutationOptions(opts));
  const lock = useMutation(api.contest.event.lock.mutationOptions(opts));
  const publish = useMutation(api.contest.event.publish.mutationOptions(opts));
  const finalise = useMutation(api.contest.event.finalise.mutationOptions(opts));
  const [advancing, setAdvancing] = useState(false);
  const [finalDate, setFinalDate] = useState(e.eventDate);
  const [finalVenue, setFinalVenue] = useState(e.venue);
  const advance = useMutation(
    api.contest.event.advance.mutationOptions({
      onSuccess: () => {
        void message.success(t('contest.advance.done'));
        setAdvancing(false);
        return refresh();
      },
      onError: opts.onError,
    }),
  );
  const input = { eventId: e.id };
  const canAdvance = organiser && e.round === 'preliminary' && e.advance > 0 && (e.stage === 'published' || e.stage === 'finalised') && !e.finalId;
  const appealOpen = e.appealUntil !== null && Date.parse(e.appealUntil) > Date.now();

  const step = organiser && (
    <>
      {e.stage === 'closed' && (
        <Popconfirm title={t('contest.action.drawConfirm')} onConfirm={() => draw.mutate(input)}>
          <Button type="primary" loading={draw.isPending}>
            {t('contest.action.draw')}
          </Button>
        </Popconfirm>
      )}
      {e.stage === 'drawn' && <TheoryImportButton event={e} />}
      {e.stage === 'drawn' && (
        <Button type="primary" loading={lock.isPending} onClick={() => lock.mutate(input)}>
          {t('contest.action.lock')}
        </Button>
      )}
      {e.stage === 'locked' && (
        <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate(input)}>
          {t('contest.action.publish')}
        </Button>
      )}
      {canAdvance && (
        <Button type="primary" disabled={appealOpen} title={appealOpen ? t('contest.advance.waiting', { n: e.advance }) : undefined} onClick={() => setAdvancing(true)} data-testid="contest-advance">
          {t('contest.advance.action')}
        </Button>
      )}
      {e.stage === 'published' && (
        <Button type={canAdvance ? 'default' : 'primary'} loading={finalise.isPending} onClick={() => finalise.mutate(input)}>
          {t('contest.action.finalise')}
        </Button>
      )}
    </>
  );

  return (
    <Card
      data-testid="contest-event"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{e.trade}</span>
          {(e.round === 'final' || e.advance > 0) && <Tag color={e.round === 'final' ? 'magenta' : 'cyan'}>{t(`contest.round.${e.round}`)}</Tag>}
          <Tag color={STAGE_COLOR[e.stage]}>{t(`contest.stage.${e.stage}`)}</Tag>
          {e.finalId && <Tag>{t('contest.advance.final')}</Tag>}
          {e.preliminaryId && <Typography.Text type="secondary">{t('contest.advance.of')}</Typography.Text>}
        </Flex>
      }
      extra={step}
    >
      <Modal
        open={advancing}
        title={t('contest.advance.action')}
        okText={t('contest.advance.action')}
        okButtonProps={{ loading: advance.isPending, disabled: !finalDate }}
        onOk={() => advance.mutate({ eventId: e.id, eventDate: finalDate, venue: finalVenue || undefined })}
        onCancel={() => setAdvancing(false)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('contest.advance.help', { n: e.advance })}</Typography.Paragraph>
          <label>
            {t('contest.advance.date')}
            <Input type="date" value={finalDate} min={e.eventDate} onChange={(x) => setFinalDate(x.target.value)} aria-label={t('contest.advance.date')} />
          </label>
          <label>
            {t('contest.advance.venue')}
            <Input value={finalVenue} maxLength={200} onChange={(x) => setFinalVenue(x.target.value)} aria-label={t('contest.advance.venue')} />
          </label>
        </Space>
      </Modal>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('contest.event.date')}>{e.eventDate}</Descriptions.Item>
        <Descriptions.Item label={t('contest.event.venue')}>{e.venue}</Descriptions.Item>
        <Descriptions.Item label={t('contest.event.window')}>
          {e.registrationOpens} – {e.registrationCloses}
        </Descriptions.Item>
        <Descriptions.Item label={t('contest.event.quota')}>{e.quotaPerCity}</Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {e.cities.map((c) => (
          <Tag key={c.slug} data-testid="contest-city">
            {t('contest.event.city', { city: c.name, n: c.registered, quota: c.quota })}
          </Tag>
        ))}
        <SchemeSummary event={e} />
        {organiser && !e.markingBegun && ['registration', 'closed', 'drawn'].includes(e.stage) && <SchemeButton event={e} />}
        <TheoryStatus event={e} />
      </Flex>
      <Flex gap={12} wrap style={{ marginBottom: 8 }} data-testid="contest-files">
        <FileLinks label={t('contest.file.roster')} href={(f) => contestFileUrl(slug, e.id, 'roster', f)} />
        {organiser && e.stage !== 'registration' && e.stage !== 'closed' && <FileLinks label={t('contest.file.scores')} href={(f) => contestFileUrl(slug, e.id, 'scores', f)} />}
        {(organiser ? e.stage !== 'registration' && e.stage !== 'closed' : e.publishedAt !== null) && (
          <FileLinks label={t('contest.file.results')} href={(f) => contestFileUrl(slug, e.id, 'results', f)} />
        )}
      </Flex>
      {e.drawSeed && <Typography.Paragraph type="secondary" copyable={{ text: e.drawSeed }}>{t('contest.draw.seed', { seed: e.drawSeed })}</Typography.Paragraph>}
      <Tabs
        size="small"
        items={[
          { key: 'reg', label: t('contest.tab.registrations'), children: <RegistrationsTab event={e} /> },
          { key: 'panel', label: t('contest.tab.panel'), children: <PanelTab event={e} organiser={organiser} /> },
          { key: 'results', label: t('contest.tab.results'), children: <ResultsTab event={e} organiser={organiser} /> },
        ]}
      />
    </Card>
  );
}

/** One of the event's sheets, as Excel for filing or as PDF for printing and posting. */
function FileLinks({ label, href }: { label: string; href: (format: 'xlsx' | 'pdf') => string }) {
  return (
    <span data-testid="contest-file">
      <DownloadOutlined /> {label}{' '}
      <a href={href('xlsx')} download aria-label={`${label} Excel`}>
        Excel
      </a>
      {' · '}
      <a href={href('pdf')} download aria-label={`${label} PDF`}>
        PDF
      </a>
    </span>
  );
}
