import { useQuery } from '@tanstack/react-query';
import { CONSENT_METHODS, CONSENT_SCOPES } from '@uc/contracts';
import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useLocale, useT } from '@/lib/locale.ts';

export interface ConsentValues {
  partnerSlug: string;
  purpose: string;
  method: (typeof CONSENT_METHODS)[number];
  evidence: string;
  scope: (typeof CONSENT_SCOPES)[number][];
}

export const consentDefaults = (purpose: string) => ({ method: 'signed_form' as const, scope: [...CONSENT_SCOPES], purpose });

/**
 * The worker's separate consent for one partner (PIPL art. 23): who, what for, how it was given, what
 * it covers. The partners offered are those an agreement in force covering rights names — a case
 * can go nowhere else — less any the caller names (the performer a transfer moves away from).
 */
export function ConsentFields({ exclude = [] }: { exclude?: string[] }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { data: partners = [], isLoading } = useQuery(api.referral.partners.queryOptions());
  const options = partners.filter((f) => !exclude.includes(f.slug)).map((f) => ({ value: f.slug, label: locale === 'en' ? f.nameEn : f.nameZh }));
  const required = [{ required: true, whitespace: true }];
  return (
    <>
      <Form.Item name="partnerSlug" label={t('rights.form.partner')} rules={[{ required: true }]} extra={!isLoading && !options.length ? t('rights.form.noPartner') : undefined}>
        <Select aria-label={t('rights.form.partner')} options={options} loading={isLoading} />
      </Form.Item>
      <Form.Item name="purpose" label={t('rights.form.purpose')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="method" label={t('rights.form.method')}>
        <Radio.Group options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`rights.method.${m}`) }))} />
      </Form.Item>
      <Form.Item name="evidence" label={t('rights.form.evidence')} extra={t('rights.form.evidenceHint')} rules={required}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="scope" label={t('rights.form.scope')} rules={[{ required: true }]}>
        <Checkbox.Group options={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`rights.scope.${s}`) }))} />
      </Form.Item>
    </>
  );
}
