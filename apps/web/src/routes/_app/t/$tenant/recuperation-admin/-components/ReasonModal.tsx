import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/locale.ts';

/** Asks why (a refusal, a cancellation on the member's behalf) before the step is taken. */
export function ReasonModal({ title, note, required, busy, onOk, onClose }: { title: string; note?: string; required: boolean; busy: boolean; onOk(reason: string): void; onClose(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const missing = required && !reason.trim();
  return (
    <Modal open title={title} okButtonProps={{ danger: true, disabled: missing, loading: busy }} onOk={() => onOk(reason.trim())} onCancel={onClose} destroyOnHidden>
      {note && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={500}
        placeholder={t(required ? 'recuperation.reason.required' : 'recuperation.reason.optional')}
        aria-label={t('booking.detail.reason')}
      />
    </Modal>
  );
}
