import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import type { OrgNode } from '@/lib/orgTree.ts';
import { KIND_COLOR } from './kinds.ts';

interface Props {
  tree: OrgNode[];
  canEdit: boolean;
  onAddChild(parent: OrgNode): void;
  onEdit(unit: OrgNode): void;
  onMove(unit: OrgNode): void;
}

/** The federation's units as an expandable tree table, the first two levels open. */
export function OrgUnitTable({ tree, canEdit, onAddChild, onEdit, onMove }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [expanded, setExpanded] = useState<readonly React.Key[]>(() => tree.flatMap((r) => [r.id, ...(r.children ?? []).filter((c) => c.children).map((c) => c.id)]));
  const remove = useMutation(
    api.orgUnit.delete.mutationOptions({
      onSuccess: () => {
        void message.success(t('common.deleted'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );

  return (
    <Table<OrgNode>
      rowKey="id"
      dataSource={tree}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
      columns={[
        { title: t('orgUnits.name'), dataIndex: 'name', render: (name: string) => <strong style={{ fontWeight: 500 }}>{name}</strong> },
        { title: t('orgUnits.code'), dataIndex: 'code', render: (code: string | null) => (code ? <Typography.Text code>{code}</Typography.Text> : null) },
        { title: t('orgUnits.kind'), dataIndex: 'kind', render: (kind: OrgNode['kind']) => <Tag color={KIND_COLOR[kind]}>{t(`orgUnitKind.${kind}`)}</Tag> },
        {
          title: `${t('orgUnits.members')}（${t('orgUnits.membersHint')}）`,
          key: 'members',
          align: 'right',
          render: (_, u) => `${u.memberCount} / ${u.totalMembers}`,
        },
        ...(canEdit
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, u: OrgNode) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => onAddChild(u)}>
                      {t('orgUnits.addChild')}
                    </Button>
                    <Button type="link" size="small" onClick={() => onEdit(u)}>
                      {t('common.edit')}
                    </Button>
                    {u.parentId && (
                      <Button type="link" size="small" onClick={() => onMove(u)}>
                        {t('orgUnits.move')}
                      </Button>
                    )}
                    {u.parentId && (
                      <Popconfirm title={t('common.deleteConfirm', { name: u.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync({ id: u.id }).catch(() => undefined)}>
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
