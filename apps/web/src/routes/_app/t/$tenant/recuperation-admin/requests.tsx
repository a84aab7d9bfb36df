import { UsergroupAddOutlined } from '@ant-design/icons';
import { useIsFetching, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { BOOKING_STATUSES } from '@uc/contracts';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BookingTable } from './-components/BookingTable.tsx';
import { BulkDecideBar } from './-components/BulkDecideBar.tsx';
import { NominateModal } from './-components/NominateModal.tsx';
import { type Search, params, optionalString, optionalEnum } from '@/lib/search.ts';

const searchSchema = (s: Search) => params({
  /** absent: awaiting approval; 'all': every state */
  status: optionalEnum(s.status, [...BOOKING_STATUSES, 'all'] as const),
  q: optionalString(s.q, { max: 40, trim: true }),
});
type RequestSearch = Partial<ReturnType<typeof searchSchema>>;

const listInput = ({ status, q }: RequestSearch) => ({
  side: 'home' as const,
  ...(status === 'all' ? {} : { status: status ?? ('requested' as const) }),
  ...(q ? { q } : {}),
  limit: 500,
});

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/requests')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => listInput(search),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.booking.list.queryOptions(deps)),
  component: RequestsPage,
});

/** Our members' bookings anywhere: approve or refuse requests, nominate members in bulk. */
function RequestsPage() {
  const t = useT();
  const { api, roles } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const input = listInput(search);
  const { data: rows } = useSuspenseQuery(api.recuperation.booking.list.queryOptions(input));
  const loading = useIsFetching({ queryKey: api.recuperation.booking.list.pathKey() }) > 0;
  const [q, setQ] = useState(search.q ?? '');
  const [nominating, setNominating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const canWrite = recuperationAccess.write(roles);
  const setSearch = (patch: RequestSearch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <Card size="small">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          value={search.status ?? 'requested'}
          onChange={(status: RequestSearch['status']) => setSearch({ status: status === 'requested' ? undefined : status })}
          options={[{ value: 'all', label: t('recuperation.filter.allStates') }, ...BOOKING_STATUSES.map((s) => ({ value: s, label: t(`booking.state.${s}`) }))]}
          style={{ width: 160 }}
          aria-label={t('recuperation.col.status')}
        />
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => setSearch({ q: value.trim() || undefined })}
          placeholder={t('recuperation.filter.search')}
          allowClear
          maxLength={40}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
          aria-label={t('recuperation.filter.search')}
        />
        {recuperationAccess.write(roles) && (
          <Button icon={<UsergroupAddOutlined />} onClick={() => setNominating(true)} style={{ marginInlineStart: 'auto' }}>
            {t('recuperation.nominate.open')}
          </Button>
        )}
      </Flex>
      {canWrite && <BulkDecideBar ids={selected.filter((id) => rows.some((r) => r.id === id))} onDone={() => setSelected([])} />}
      <BookingTable rows={rows} side="home" loading={loading} {...(canWrite ? { selection: { keys: selected, onChange: setSelected } } : {})} />
      {nominating && <NominateModal onClose={() => setNominating(false)} />}
    </Card>
  );
}
