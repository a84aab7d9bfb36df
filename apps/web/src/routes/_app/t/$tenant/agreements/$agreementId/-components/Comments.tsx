import { CommentOutlined } from '@ant-design/icons';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { AgreementDto, CommentDto } from '@uc/contracts';
import { Alert, App, Button, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { Person, personLabel } from '@/components/Person.tsx';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo, formProblem } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { acceptsComments } from '@/routes/_app/t/$tenant/agreements/-components/lifecycle.ts';
import { usePartyName } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';
import { threadsOf, type Thread } from './commentThreads.ts';

/** The comment threads on one clause (or on the whole agreement when clauseKey is null): open first, each with its replies; reply, resolve, reopen. */
export function Comments({ agreement: a, clauseKey }: { agreement: AgreementDto; clauseKey: string | null }) {
  const t = useT();
  const { api } = useTenant();
  const { data: all } = useSuspenseQuery(api.agreement.comments.queryOptions({ id: a.id }));
  const threads = threadsOf(all, clauseKey);
  const count = threads.reduce((n, x) => n + 1 + x.replies.length, 0);
  const open = threads.filter((x) => x.open).length;
  const [writing, setWriting] = useState(false);

  return (
    <div data-testid={`comments-${clauseKey ?? 'general'}`} style={{ background: '#fafafa', borderRadius: 6, padding: '8px 10px' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          <CommentOutlined /> {count ? t('agreements.comments.count', { count }) : t('agreements.comments.none')}
          {open > 0 && (
            <Tag color="orange" bordered={false} style={{ marginInlineStart: 6, fontSize: 12 }}>
              {t('agreements.comments.open', { count: open })}
            </Tag>
          )}
        </Typography.Text>
        {acceptsComments(a) && !writing && (
          <Button size="small" type="link" onClick={() => setWriting(true)} style={{ paddingInline: 0 }}>
            {t('agreements.comments.add')}
          </Button>
        )}
      </Flex>
      {threads.map((x) => (
        <ThreadView key={x.comment.id} agreement={a} thread={x} />
      ))}
      {writing && <CommentForm agreement={a} clauseKey={clauseKey} onDone={() => setWriting(false)} />}
    </div>
  );
}

function CommentLine({ agreement: a, comment: c, reply }: { agreement: AgreementDto; comment: CommentDto; reply?: boolean }) {
  const t = useT();
  const name = usePartyName(a);
  return (
    <div data-testid={reply ? 'comment-reply' : 'comment'} style={reply ? { borderInlineStart: '2px solid #e6e6e6', paddingInlineStart: 8, marginTop: 6 } : undefined}>
      <Flex gap={4} wrap align="center" style={{ fontSize: 12, color: '#8c8c8c' }}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {name(c.authorSlug)}
        </Typography.Text>
        <Person value={c.author} inline />
        <Tag bordered={false} style={{ marginInlineEnd: 0, fontSize: 12 }}>
          {t('agreements.versionNumber', { number: c.versionNumber })}
        </Tag>
        {c.addressedToSlug && (
          <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0, fontSize: 12 }}>
            {t('agreements.comments.to', { party: name(c.addressedToSlug) })}
          </Tag>
        )}
        <span>{formatDateTime(c.createdAt)}</span>
      </Flex>
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 2 }}>{c.body}</div>
    </div>
  );
}

function ThreadView({ agreement: a, thread }: { agreement: AgreementDto; thread: Thread }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [replying, setReplying] = useState(false);
  const c = thread.comment;
  const resolve = useMutation(
    api.agreement.resolveComment.mutationOptions({
      onSuccess: async (r) => {
        void message.success(r.resolved ? t('agreements.comments.resolvedDone') : t('agreements.comments.reopenedDone'));
        await refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const takes = acceptsComments(a);
  return (
    <div data-testid="comment-thread" data-open={thread.open ? 'true' : 'false'} style={{ borderTop: '1px solid #f0f0f0', marginTop: 6, paddingTop: 6, opacity: thread.open ? 1 : 0.85 }}>
      <CommentLine agreement={a} comment={c} />
      {thread.replies.map((r) => (
        <CommentLine key={r.id} agreement={a} comment={r} reply />
      ))}
      <Flex gap={8} wrap align="center" style={{ marginTop: 4, fontSize: 12 }}>
        {thread.open ? (
          <Tag color="orange" bordered={false} style={{ marginInlineEnd: 0, fontSize: 12 }}>
            {t('agreements.comments.openTag')}
          </Tag>
        ) : (
          <Tag color="green" bordered={false} style={{ marginInlineEnd: 0, fontSize: 12 }} data-testid="comment-resolved">
            {t('agreements.comments.resolvedTag')}
          </Tag>
        )}
        {!thread.open && c.resolvedBy && c.resolvedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('agreements.comments.resolvedBy', { person: personLabel(t, c.resolvedBy), at: formatDateTime(c.resolvedAt) })}
          </Typography.Text>
        )}
        {takes && thread.open && !replying && (
          <Button size="small" type="link" onClick={() => setReplying(true)} style={{ paddingInline: 0 }}>
            {t('agreements.comments.reply')}
          </Button>
        )}
        {thread.open && (
          <Button size="small" type="link" onClick={() => resolve.mutate({ id: a.id, commentId: c.id, resolved: true })} loading={resolve.isPending} style={{ paddingInline: 0 }}>
            {t('agreements.comments.resolve')}
          </Button>
        )}
        {takes && !thread.open && (
          <Button size="small" type="link" onClick={() => resolve.mutate({ id: a.id, commentId: c.id, resolved: false })} loading={resolve.isPending} style={{ paddingInline: 0 }}>
            {t('agreements.comments.reopen')}
          </Button>
        )}
      </Flex>
      {replying && <CommentForm agreement={a} clauseKey={c.clauseKey} replyTo={c} onDone={() => setReplying(false)} />}
    </div>
  );
}

interface Values {
  addressedToSlug: string;
  body: string;
}
const ALL = '*';

function CommentForm({ agreement: a, clauseKey, replyTo, onDone }: { agreement: AgreementDto; clauseKey: string | null; replyTo?: CommentDto; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const name = usePartyName(a);
  const others = a.parties.filter((p) => p.slug !== slug);
  // a reply goes by default to the party that wrote the comment (when it is not us)
  const replyToParty = replyTo && replyTo.authorSlug !== slug ? replyTo.authorSlug : null;
  const add = useMutation(
    api.agreement.comment.mutationOptions({
      onSuccess: async () => {
        void message.success(replyTo ? t('agreements.comments.replied') : t('agreements.comments.added'));
        onDone();
        await refresh();
      },
    }),
  );
  const problem = formProblem(add.error, t('common.networkError'));
  const [form] = Form.useForm<Values>();

  return (
    // no <form> element of its own: the comments sit inside the editor's form, and forms must not nest
    <div style={{ marginTop: 8 }}>
      <Form<Values>
        form={form}
        component={false}
        layout="vertical"
        initialValues={{ addressedToSlug: replyToParty ?? (others.length === 1 ? others[0]!.slug : ALL), body: '' }}
        onFinish={(v) => add.mutate({ id: a.id, clauseKey, addressedToSlug: v.addressedToSlug === ALL ? null : v.addressedToSlug, body: v.body, replyToId: replyTo?.id ?? null })}
        disabled={add.isPending}
      >
        <Form.Item name="addressedToSlug" label={t('agreements.comments.addressedTo')} style={{ marginBottom: 8 }}>
          <Select
            options={[{ value: ALL, label: t('agreements.comments.toAll') }, ...others.map((p) => ({ value: p.slug, label: name(p.slug) }))]}
            aria-label={t('agreements.comments.addressedTo')}
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={replyTo ? t('agreements.comments.replyBody') : t('agreements.comments.body')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: replyTo ? t('agreements.comments.replyBody') : t('agreements.comments.body') }) }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} autoFocus />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
        <Flex gap={8} justify="flex-end" style={{ marginBottom: 4 }}>
          <Button size="small" onClick={onDone}>
            {t('agreements.cancel')}
          </Button>
          <Button size="small" type="primary" onClick={() => form.submit()} loading={add.isPending}>
            {replyTo ? t('agreements.comments.submitReply') : t('agreements.comments.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
