import { NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { AgreementDto, MeetingDecisionDto, MeetingDto } from '@uc/contracts';
import { Alert, App, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { formProblem } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { DecisionToItemModal } from './DecisionToItemModal.tsx';
import { ConvertedItem } from './JointItemDetails.tsx';

/** The meeting's decisions (议定事项): recording one, and turning one into a joint item. */
export function DecisionsCard({ agreement, meeting, canWrite }: { agreement: AgreementDto; meeting: MeetingDto; canWrite: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [text, setText] = useState('');
  const [converting, setConverting] = useState<MeetingDecisionDto | null>(null);
  const add = useMutation(
    api.meeting.addDecision.mutationOptions({
      onSuccess: () => {
        void message.success(t('meetings.decisionAdded'));
        setText('');
        return refresh();
      },
    }),
  );
  const problem = formProblem(add.error, t('common.networkError'));
  const partyName = (slug: string) => {
    const p = agreement.parties.find((x) => x.slug === slug);
    return p ? localName(locale, p) : slug;
  };

  return (
    <Card title={t('meetings.decisions')}>
      {meeting.decisions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.decisionsEmpty')} />
      ) : (
        <Flex vertical gap={12}>
          {meeting.decisions.map((d, i) => (
            <div key={d.id} data-testid="decision" style={{ padding: 12, border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <Flex gap={8} align="flex-start" wrap>
                <Typography.Text style={{ flex: '1 1 240px', minWidth: 0, overflowWrap: 'anywhere' }}>
                  {i + 1}. {d.text}
                </Typography.Text>
                {d.jointItemId ? (
                  <Tag color="green" icon={<NodeIndexOutlined />}>
                    {t('meetings.converted')}
                  </Tag>
                ) : (
                  canWrite && (
                    <Button size="small" type="primary" ghost icon={<NodeIndexOutlined />} onClick={() => setConverting(d)}>
                      {t('meetings.toItem')}
                    </Button>
                  )
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('meetings.decisionBy', { party: partyName(d.createdBySlug) })} · {formatDateTime(d.createdAt)}
              </Typography.Text>
              {d.jointItemId && (
                <div style={{ marginTop: 8 }}>
                  <ConvertedItem itemId={d.jointItemId} agreement={agreement} />
                </div>
              )}
            </div>
          ))}
        </Flex>
      )}
      {canWrite && (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('meetings.decisionPlaceholder')}
            aria-label={t('meetings.addDecision')}
          />
          {problem && <Alert type="error" showIcon title={problem} />}
          <Flex justify="flex-end">
            <Button icon={<PlusOutlined />} disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutate({ meetingId: meeting.id, text: text.trim() })}>
              {t('meetings.addDecision')}
            </Button>
          </Flex>
        </Flex>
      )}
      {converting && <DecisionToItemModal agreement={agreement} meeting={meeting} decision={converting} onClose={() => setConverting(null)} />}
    </Card>
  );
}
