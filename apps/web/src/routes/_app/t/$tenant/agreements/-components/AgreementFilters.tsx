import { useSuspenseQuery } from '@tanstack/react-query';
import { AGREEMENT_STATUSES } from '@uc/contracts';
import { Button, Col, Row, Select } from 'antd';
import { useTenant } from '@/components/session.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import type { AgreementSearch } from '../index.tsx';

/** Narrow the list to one status and/or one partner federation. */
export function AgreementFilters({ search, onChange }: { search: AgreementSearch; onChange(next: AgreementSearch): void }) {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const { data: directory } = useSuspenseQuery(api.federation.directory.queryOptions());
  const partners = directory.filter((f) => f.slug !== slug);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={10} md={7}>
        <Select
          value={search.status}
          onChange={(status?: AgreementSearch['status']) => onChange({ ...search, status })}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))}
          placeholder={t('agreements.filterStatus')}
          allowClear
          style={{ width: '100%' }}
          aria-label={t('agreements.filterStatus')}
        />
      </Col>
      <Col xs={16} sm={10} md={7}>
        <Select
          value={search.partner}
          onChange={(partner?: string) => onChange({ ...search, partner })}
          options={partners.map((f) => ({ value: f.slug, label: localName(locale, f) }))}
          placeholder={t('agreements.filterPartner')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          aria-label={t('agreements.filterPartner')}
        />
      </Col>
      <Col xs={8} sm={4} md={3}>
        <Button block disabled={!search.status && !search.partner} onClick={() => onChange({})}>
          {t('common.reset')}
        </Button>
      </Col>
    </Row>
  );
}
