import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllocationDto, QuotaDto } from '@uc/contracts';
import { Alert, App, Button, Flex, InputNumber, Table, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree, orgTreeOptions } from '@/lib/orgTree.ts';

/** How our federation shares the places a partner granted among its district and industry unions. */
export function AllocationsPanel({ quota }: { quota: QuotaDto }) {
  const t = useT();
  const { message } = App.useApp();
  const { api, roles } = useTenant();
  const queryClient = useQueryClient();
  const input = { agreementId: quota.agreementId, hostSlug: quota.host.slug, year: quota.year };
  const list = useQuery(api.recuperation.quota.allocations.queryOptions(input));
  const units = useQuery(api.orgUnit.list.queryOptions());
  const options = useMemo(() => (units.data ? orgTreeOptions(buildOrgTree(units.data)) : []), [units.data]);
  const [unit, setUnit] = useState<string>();
  const [places, setPlaces] = useState<number | null>(null);
  const canWrite = recuperationAccess.write(roles);
  const allocate = useMutation({
    ...api.recuperation.quota.allocate.mutationOptions(),
    onSuccess: async (data) => {
      queryClient.setQueryData(api.recuperation.quota.allocations.queryKey(input), data);
      setUnit(undefined);
      setPlaces(null);
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: api.recuperation.quota.list.pathKey() });
    },
    onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
  });
  const save = (orgUnitId: string, n: number) => allocate.mutate({ ...input, orgUnitId, places: n });

  if (list.isError) return <Alert type="error" showIcon title={errorInfo(list.error, t('common.networkError')).message} />;
  return (
    <div style={{ marginTop: 12 }} data-testid="allocations">
      <Typography.Text strong>{t('recuperation.quota.allocationsOf', { host: quota.host.nameZh })}</Typography.Text>
      <Table<AllocationDto>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.allocations ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
        locale={{ emptyText: t('recuperation.quota.noAllocations') }}
        columns={[
          { title: t('recuperation.quota.orgUnit'), dataIndex: 'orgUnitName' },
          {
            title: t('recuperation.quota.places'),
            key: 'places',
            render: (_, a) =>
              canWrite ? (
                <InputNumber
                  key={a.places}
                  defaultValue={a.places}
                  min={a.used}
                  precision={0}
                  size="small"
                  style={{ width: 96 }}
                  aria-label={t('recuperation.quota.placesOf', { unit: a.orgUnitName })}
                  onBlur={(e) => {
                    const n = Number(e.target.value);
                    if (Number.isInteger(n) && n !== a.places) save(a.orgUnitId, n);
                  }}
                />
              ) : (
                a.places
              ),
          },
          { title: t('recuperation.quota.used'), dataIndex: 'used', align: 'right' },
        ]}
        summary={() =>
          list.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('recuperation.quota.pool')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{list.data.pool.places}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {list.data.pool.used}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      {canWrite && (
        <Flex wrap gap={8} style={{ marginTop: 8 }}>
          <TreeSelect
            value={unit}
            onChange={setUnit}
            treeData={options}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('recuperation.quota.pickUnit')}
            style={{ flex: '1 1 220px', maxWidth: 360 }}
            aria-label={t('recuperation.quota.orgUnit')}
          />
          <InputNumber value={places} onChange={setPlaces} min={0} precision={0} placeholder={t('recuperation.quota.places')} style={{ width: 110 }} aria-label={t('recuperation.quota.places')} />
          <Button type="primary" disabled={!unit || places === null} loading={allocate.isPending} onClick={() => unit && places !== null && save(unit, places)}>
            {t('recuperation.quota.allocate')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
