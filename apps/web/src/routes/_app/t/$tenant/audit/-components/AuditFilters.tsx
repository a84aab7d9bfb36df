import { Col, DatePicker, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { auditTypeLabel } from '@/components/auditText.ts';
import { toDateString } from '@/lib/dates.ts';
import { uiKeys } from '@/lib/i18n.ts';
import { useT } from '@/lib/locale.ts';
import type { AuditFilterValues } from './auditPages.ts';

/** Every event type the interface can name (from the loaded catalogue: both have the same keys). */
const eventTypes = () =>
  uiKeys()
    .filter((k) => k.startsWith('audit.type.'))
    .map((k) => k.slice('audit.type.'.length));

export function AuditFilters({ search, onChange }: { search: AuditFilterValues; onChange(next: AuditFilterValues): void }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <Select
          value={search.type}
          onChange={(type?: string) => onChange({ ...search, type })}
          options={eventTypes().map((type) => ({ value: type, label: auditTypeLabel(t, type) }))}
          placeholder={t('audit.filterType')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          aria-label={t('audit.filterType')}
        />
      </Col>
      <Col xs={24} md={10}>
        <DatePicker.RangePicker
          value={search.from && search.to ? [dayjs(search.from), dayjs(search.to)] : null}
          onChange={(range) => onChange({ ...search, from: range?.[0] ? toDateString(range[0]) : undefined, to: range?.[1] ? toDateString(range[1]) : undefined })}
          style={{ width: '100%' }}
          aria-label={t('audit.filterDates')}
        />
      </Col>
    </Row>
  );
}
