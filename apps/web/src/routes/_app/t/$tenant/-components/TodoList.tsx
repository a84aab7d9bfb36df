import { RightOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TodoItemDto, TodoListDto } from '@uc/contracts';
import { Card, Empty, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import type { UiKey } from '@/lib/i18n.ts';
import { useT, type TFunction } from '@/lib/locale.ts';

/** the facts' params rendered in the reader's language (codes → labels) */
function paramsOf(t: TFunction, item: TodoItemDto): Record<string, string | number> {
  const p = { ...item.params };
  if (typeof p.dispute === 'string' && p.dispute) p.dispute = t(`rights.kind.${p.dispute}` as UiKey);
  if (typeof p.clock === 'string' && p.clock) p.clock = t(`rights.clock.${p.clock}` as UiKey);
  if (typeof p.level === 'string' && p.level) p.level = t(p.level === 'breach' ? 'rights.clock.breached' : 'rights.clock.warning');
  return p;
}

/** The staff home's to-do list (待办): every item waiting for the signed-in user's roles, each a link. */
export function TodoList() {
  const t = useT();
  const { api, slug } = useTenant();
  const { data } = useSuspenseQuery(api.home.todo.queryOptions());
  const [module, setModule] = useState<string>('all');
  const items = module === 'all' ? data.items : data.items.filter((i) => i.module === module);
  return (
    <Card title={t('home.todo.title')} extra={<Typography.Text type="secondary">{t('home.todo.subtitle')}</Typography.Text>} styles={{ body: { padding: 12 } }} data-testid="todo-list">
      <ModuleFilter data={data} value={module} onChange={setModule} />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todo.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <li key={item.key} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <Link to={item.link.to as never} params={{ tenant: slug, ...item.link.params } as never} search={item.link.search as never} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 4px', color: 'inherit' }} data-testid="todo-item">
                <span style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong>{t(`home.todo.kind.${item.kind}` as UiKey, paramsOf(t, item))}</Typography.Text>
                  <div style={{ marginTop: 2 }}>
                    <Tag>{t(`home.todo.module.${item.module}`)}</Tag>
                    {item.urgency !== 'normal' && <Tag color={item.urgency === 'overdue' ? 'red' : 'orange'}>{t(`home.todo.urgency.${item.urgency}`)}</Tag>}
                    {item.due && <Typography.Text type="secondary">{t('home.todo.due', { due: item.due })}</Typography.Text>}
                  </div>
                </span>
                <RightOutlined style={{ color: '#999' }} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data.truncated && <Typography.Text type="secondary">{t('home.todo.truncated')}</Typography.Text>}
    </Card>
  );
}

function ModuleFilter({ data, value, onChange }: { data: TodoListDto; value: string; onChange: (v: string) => void }) {
  const t = useT();
  if (data.counts.length < 2) return null;
  const options = [
    { value: 'all', label: `${t('home.todo.all')} ${data.items.length}` },
    ...data.counts.map((c) => ({ value: c.module, label: `${t(`home.todo.module.${c.module}`)} ${c.n}` })),
  ];
  return (
    <div style={{ overflowX: 'auto', marginBottom: 8 }}>
      <Segmented options={options} value={value} onChange={(v) => onChange(String(v))} />
    </div>
  );
}
