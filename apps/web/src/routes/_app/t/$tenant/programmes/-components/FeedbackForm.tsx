import { useMutation } from '@tanstack/react-query';
import type { TicketDto } from '@uc/contracts';
import { App, Button, Flex, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** After the session, on the member's ticket: a rating and a short comment, once; then what they said. */
export function FeedbackForm({ ticket: x }: { ticket: TicketDto }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const send = useMutation(
    api.programme.registration.feedback.mutationOptions({
      onSuccess: () => {
        void message.success(t('programme.feedback.thanks'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  if (x.feedback)
    return (
      <Flex vertical gap={2} data-testid="feedback-given">
        <Typography.Text type="secondary">{t('programme.feedback.given')}</Typography.Text>
        <Rate disabled value={x.feedback.rating} />
        {x.feedback.comment && <Typography.Text>{x.feedback.comment}</Typography.Text>}
      </Flex>
    );
  return (
    <Flex vertical gap={8} data-testid="feedback-form">
      <Typography.Text strong>{t('programme.feedback.ask')}</Typography.Text>
      <Rate value={rating} onChange={setRating} aria-label={t('programme.feedback.rating')} />
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('programme.feedback.comment')} aria-label={t('programme.feedback.comment')} />
      <Button type="primary" disabled={rating === 0} loading={send.isPending} onClick={() => send.mutate({ id: x.id, rating, comment: comment.trim() })}>
        {t('programme.feedback.send')}
      </Button>
    </Flex>
  );
}
