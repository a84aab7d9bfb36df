import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';

// A member's own request their HOME federation decides — a contest application (decision 0033), a
// programme registration on an event that needs approval (decision 0051): one pair of buttons on the
// staff list's row, and one refusal dialog whose reason (2+ characters) the member is told.

interface Labels {
  approve: string;
  refuse: string;
  reason: string;
}

/** Approve (at once) or refuse (opens the reason dialog) on a waiting request's row. */
export function DecisionButtons({ labels, approving, onApprove, onRefuse, testId }: { labels: Labels; approving: boolean; onApprove(): void; onRefuse(): void; testId?: string }) {
  return (
    <Space size={4} wrap>
      <Button size="small" type="primary" loading={approving} onClick={onApprove} data-testid={testId && `${testId}-approve`}>
        {labels.approve}
      </Button>
      <Button size="small" danger onClick={onRefuse} data-testid={testId && `${testId}-refuse`}>
        {labels.refuse}
      </Button>
    </Space>
  );
}

/** The reason for a refusal, told to the member; mount it only while refusing (it starts empty). */
export function RefuseDialog({ labels, name, loading, onRefuse, onCancel, testId }: { labels: Labels; name: string; loading: boolean; onRefuse(reason: string): void; onCancel(): void; testId?: string }) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={`${labels.refuse} · ${name}`}
      okText={labels.refuse}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading, ...(testId ? { 'data-testid': `${testId}-refuse-ok` } : {}) } as never}
      onOk={() => onRefuse(reason)}
      onCancel={onCancel}
    >
      <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={labels.reason} aria-label={labels.reason} data-testid={testId && `${testId}-reason`} />
    </Modal>
  );
}
