import { createFileRoute } from '@tanstack/react-router';
import { Card, Space } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { useAgreement } from '../-components/useAgreement.ts';
import { ClauseList } from './-components/ClauseList.tsx';
import { Comments } from './-components/Comments.tsx';
import { AgreementEditor } from './-components/editor/AgreementEditor.tsx';
import { VersionList } from './-components/VersionList.tsx';

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/clauses')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).agreement.comments.queryOptions({ id: params.agreementId })),
  component: ClausesPage,
});

/** The text with the parties' comments beside each clause: an editor while it may be changed, else the text; then the versions. */
function ClausesPage() {
  const t = useT();
  const a = useAgreement();
  // once open, the editor stays open if the agreement moves on meanwhile, so unsaved text is not lost
  const [editorOpened] = useState(a.can.edit);
  const editing = a.can.edit || editorOpened;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {editing ? (
        <AgreementEditor />
      ) : (
        <Card title={t('agreements.text.title', { number: a.currentVersion.number })}>
          <Comments agreement={a} clauseKey={null} />
          <div style={{ height: 16 }} />
          <ClauseList
            content={a.currentVersion.content}
            aside={(key) => <Comments agreement={a} clauseKey={key} />}
          />
        </Card>
      )}
      <Card title={t('agreements.version.title')}>
        <VersionList agreement={a} />
      </Card>
    </Space>
  );
}
