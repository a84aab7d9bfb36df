import { CommentOutlined } from '@ant-design/icons';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { AgreementDto } from '@uc/contracts';
import { Alert, App, Button, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '../../../../../../../components/session.ts';
import { Person } from '../../../../../../../components/Person.tsx';
import { formatDateTime } from '../../../../../../../lib/dates.ts';
import { formProblem } from '../../../../../../../lib/errors.ts';
import { useT } from '../../../../../../../lib/locale.ts';
import { acceptsComments } from '../../-components/lifecycle.ts';
import { usePartyName } from '../../-components/useAgreement.ts';

/** The comments on one clause (or on the whole agreement when clauseKey is null), newest last, and a way to add one. */
export function Comments({ agreement: a, clauseKey }: { agreement: AgreementDto; clauseKey: string | null }) {
  const t = useT();
  const { api } = useTenant();
  const name = usePartyName(a);
  const { data: all } = useSuspenseQuery(api.agreement.comments.queryOptions({ id: a.id }));
  const comments = all.filter((c) => c.clauseKey === clauseKey);
  const [writing, setWriting] = useState(false);

  return (
    <div data-testid={`comments-${clauseKey ?? 'general'}`} style={{ background: '#fafafa', borderRadius: 6, padding: '8px 10px' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          <CommentOutlined /> {comments.length ? t('agreements.comments.count', { count: comments.length }) : t('agreements.comments.none')}
        </Typography.Text>
        {acceptsComments(a) && !writing && (
          <Button size="small" type="link" onClick={() => setWriting(true)} style={{ paddingInline: 0 }}>
            {t('agreements.comments.add')}
          </Button>
        )}
      </Flex>
      {comments.map((c) => (
        <div key={c.id} style={{ borderTop: '1px solid #f0f0f0', marginTop: 6, paddingTop: 6 }} data-testid="comment">
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
      ))}
      {writing && <CommentForm agreement={a} clauseKey={clauseKey} onDone={() => setWriting(false)} />}
    </div>
  );
}

interface Values {
  addressedToSlug: string;
  body: string;
}
const ALL = '*';

function CommentForm({ agreement: a, clauseKey, onDone }: { agreement: AgreementDto; clauseKey: string | null; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const name = usePartyName(a);
  const others = a.parties.filter((p) => p.slug !== slug);
  const add = useMutation(
    api.agreement.comment.mutationOptions({
      onSuccess: async () => {
        void message.success(t('agreements.comments.added'));
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
        initialValues={{ addressedToSlug: others.length === 1 ? others[0]!.slug : ALL, body: '' }}
        onFinish={(v) => add.mutate({ id: a.id, clauseKey, addressedToSlug: v.addressedToSlug === ALL ? null : v.addressedToSlug, body: v.body })}
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
          label={t('agreements.comments.body')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('agreements.comments.body') }) }]}
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
            {t('agreements.comments.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
