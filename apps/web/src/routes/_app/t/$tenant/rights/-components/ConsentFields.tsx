import { useQuery } from '@tanstack/react-query';
import { CONSENT_FORM_TYPES, CONSENT_METHODS, CONSENT_SCOPES, FILE_MAX_BYTES } from '@uc/contracts';
import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTenant } from '@/components/session.ts';
import { StoredFilePick, type PickedFile } from '@/features/files/StoredFileUpload.tsx';
import { useLocale, useT } from '@/lib/locale.ts';

export interface ConsentValues {
  partnerSlug: string;
  purpose: string;
  method: (typeof CONSENT_METHODS)[number];
  /** the caseworker's attestation of a phone consent */
  evidence?: string;
  /** the signed form (decision 0056), sent with the consent */
  form?: PickedFile;
  scope: (typeof CONSENT_SCOPES)[number][];
}

export const consentDefaults = (purpose: string) => ({ method: 'signed_form' as const, scope: [...CONSENT_SCOPES], purpose });

/** a signed consent form is a scan or a photo (the API checks the bytes again) */
const FORM_LIMITS = { maxBytes: FILE_MAX_BYTES, types: CONSENT_FORM_TYPES, extensions: ['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp'] };

/** What recordConsent is sent: the form with a signed-form consent, the attestation with a phone one. */
export function consentPayload(v: ConsentValues) {
  const { form, evidence, ...rest } = v;
  return rest.method === 'signed_form' ? { ...rest, evidence: '', ...(form ? { form } : {}) } : { ...rest, evidence: evidence ?? '' };
}

/**
 * The worker's separate consent for one partner (PIPL art. 23): who, what for, how it was given, what
 * it covers. The partners offered are those an agreement in force covering rights names — a case
 * can go nowhere else — less any the caller names (the performer a transfer moves away from). A
 * signed form is uploaded here and sent with the consent (no consent by signed form without it);
 * a phone consent carries the caseworker's attestation.
 */
export function ConsentFields({ exclude = [] }: { exclude?: string[] }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { data: partners = [], isLoading } = useQuery(api.referral.partners.queryOptions());
  const options = partners.filter((f) => !exclude.includes(f.slug)).map((f) => ({ value: f.slug, label: locale === 'en' ? f.nameEn : f.nameZh }));
  const required = [{ required: true, whitespace: true }];
  const method = Form.useWatch<ConsentValues['method'] | undefined>('method');
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
      {method === 'phone_attested' ? (
        <Form.Item name="evidence" label={t('rights.form.evidence')} extra={t('rights.form.evidenceHint')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      ) : (
        <Form.Item name="form" label={t('rights.form.formFile')} extra={t('rights.form.formHint')} rules={[{ required: true, message: t('rights.form.formMissing') }]}>
          <StoredFilePick label={t('rights.form.formFile')} limits={FORM_LIMITS} removeLabel={t('rights.thread.removeFile')} testId="consent-form-picked" />
        </Form.Item>
      )}
      <Form.Item name="scope" label={t('rights.form.scope')} rules={[{ required: true }]}>
        <Checkbox.Group options={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`rights.scope.${s}`) }))} />
      </Form.Item>
    </>
  );
}
