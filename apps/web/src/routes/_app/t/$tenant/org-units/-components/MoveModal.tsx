import { useMutation } from '@tanstack/react-query';
import type { OrgUnitDto } from '@uc/contracts';
import { Alert, App, Form, Modal, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree, orgTreeOptions, subtreeIds } from '@/lib/orgTree.ts';

/** Moves a unit (with everything below it) under another parent. */
export function MoveModal({ unit, units, onClose }: { unit: OrgUnitDto; units: OrgUnitDto[]; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [parentId, setParentId] = useState(unit.parentId ?? undefined);
  const options = useMemo(() => orgTreeOptions(buildOrgTree(units), subtreeIds(units, unit.id)), [units, unit.id]);
  const move = useMutation(
    api.orgUnit.update.mutationOptions({
      onSuccess: () => {
        void message.success(t('orgUnits.moved', { name: unit.name }));
        onClose();
        return refresh();
      },
    }),
  );

  return (
    <Modal
      open
      title={t('orgUnits.moveTitle', { name: unit.name })}
      okText={t('orgUnits.move')}
      okButtonProps={{ disabled: !parentId || parentId === unit.parentId }}
      onOk={() => parentId && move.mutate({ id: unit.id, version: unit.version, parentId })}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('orgUnits.moveHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('orgUnits.parent')}>
          <TreeSelect value={parentId} onChange={setParentId} treeData={options} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {move.error && <Alert type="error" showIcon title={errorInfo(move.error, t('common.networkError')).message} />}
    </Modal>
  );
}
