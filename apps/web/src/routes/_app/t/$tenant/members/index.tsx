import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { canCall, HONOUR_KINDS, type MemberDto } from '@uc/contracts';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { memberExportUrl } from '@/lib/downloads.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { ImportModal } from './-components/ImportModal.tsx';
import { MemberDrawer } from './-components/MemberDrawer.tsx';
import { MemberFilters } from './-components/MemberFilters.tsx';
import { MemberFormModal } from './-components/MemberFormModal.tsx';
import { MemberList } from './-components/MemberList.tsx';
import { type Search, params, optionalUuid, optionalString, optionalEnum, optionalBoolean, optionalInt } from '@/lib/search.ts';

const PAGE_SIZES = [10, 20, 50, 100] as const;

const cursor = (value: unknown) => optionalString(value, { min: 1, max: 300 });
const searchSchema = (s: Search) => params({
  /** keyset paging: the page after / before a cursor the list handed out */
  after: cursor(s.after),
  before: cursor(s.before),
  pageSize: optionalInt(s.pageSize, { oneOf: PAGE_SIZES }),
  q: optionalString(s.q, { max: 50, trim: true }),
  orgUnitId: optionalUuid(s.orgUnitId),
  honour: optionalEnum(s.honour, HONOUR_KINDS),
  /** opens the import dialog (the home page's shortcut links here) */
  import: optionalBoolean(s.import),
});
export type MemberSearch = Partial<ReturnType<typeof searchSchema>>;

/** The member.list input for the page's search params. */
const listInput = ({ after, before, pageSize, q, orgUnitId, honour }: MemberSearch) => ({
  pageSize: pageSize ?? 20,
  ...(before ? { before } : after ? { after } : {}),
  includeDescendants: true,
  ...(q ? { q } : {}),
  ...(orgUnitId ? { orgUnitId } : {}),
  ...(honour ? { honour } : {}),
});

export const Route = createFileRoute('/_app/t/$tenant/members/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loaderDeps: ({ search }) => listInput(search),
  loader: ({ context, params, deps }) => {
    const scoped = tenantApi(params.tenant);
    return Promise.all([
      context.queryClient.ensureQueryData(scoped.member.list.queryOptions(deps)),
      context.queryClient.ensureQueryData(scoped.orgUnit.list.queryOptions()),
    ]);
  },
  component: MembersPage,
});

type FormTarget = { mode: 'create' } | { mode: 'edit'; member: MemberDto };

function MembersPage() {
  const t = useT();
  const { api, slug, roles } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: list } = useSuspenseQuery(api.member.list.queryOptions(listInput(search)));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormTarget | null>(null);
  const canWrite = access.manageMembers(roles);
  const selected = list.items.find((m) => m.id === selectedId) ?? null;
  const setSearch = (patch: Partial<MemberSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <>
      <PageHeader
        title={t('members.title')}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>
                {t('members.create')}
              </Button>
            )}
            {canWrite && (
              <Button icon={<CloudUploadOutlined />} onClick={() => setSearch({ import: true })}>
                {t('members.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={memberExportUrl(slug, { q: search.q, orgUnitId: search.orgUnitId, honour: search.honour })}>
              {t('members.export')}
            </Button>
          </>
        }
      />
      <Card>
        <MemberFilters search={search} onChange={(patch) => setSearch({ ...patch, after: undefined, before: undefined })} />
        <MemberList
          list={list}
          pageSizes={PAGE_SIZES}
          onPage={(at) => setSearch({ after: undefined, before: undefined, ...at })}
          onPageSize={(pageSize) => setSearch({ pageSize, after: undefined, before: undefined })}
          onOpen={(m) => setSelectedId(m.id)}
          canInvite={canCall('member.inviteBySms', roles)}
        />
      </Card>
      {selected && <MemberDrawer member={selected} canWrite={canWrite} onEdit={() => setForm({ mode: 'edit', member: selected })} onClose={() => setSelectedId(null)} />}
      {form && <MemberFormModal member={form.mode === 'edit' ? form.member : null} onClose={() => setForm(null)} />}
      {search.import && canWrite && <ImportModal onClose={() => setSearch({ import: undefined })} />}
    </>
  );
}
