import type { versionCompareDto } from '@uc/contracts';
import { Col, Empty, Flex, Grid, Row, Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { z } from 'zod';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { htmlToPlain } from '@/routes/_app/t/$tenant/agreements/-components/richText.ts';
import { useAgreement, usePartyName } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';
import { sectionText } from './compareText.ts';
import { DiffText } from './DiffText.tsx';
import { personLabel } from '@/components/Person.tsx';

type Diff = z.infer<typeof versionCompareDto>;
type Change = 'same' | 'changed' | 'added' | 'removed';

const TONE: Record<Change, { color: string; side: CSSProperties }> = {
  same: { color: 'default', side: { background: '#fff', border: '1px solid #f0f0f0' } },
  changed: { color: 'gold', side: { background: '#fffbe6', border: '1px solid #ffe58f' } },
  added: { color: 'green', side: { background: '#f6ffed', border: '1px solid #b7eb8f' } },
  removed: { color: 'red', side: { background: '#fff1f0', border: '1px solid #ffccc7' } },
};

/** The comparison: a count of changes, then each changed field, clause and common side by side. */
export function CompareView({ diff, changesOnly }: { diff: Diff; changesOnly: boolean }) {
  const t = useT();
  const locale = useLocale();
  const name = usePartyName(useAgreement());
  const count = (c: Change) => diff.clauses.filter((x) => x.change === c).length;
  const fields = diff.fields.filter((f) => f.changed);
  const clauses = diff.clauses.filter((c) => !changesOnly || c.change !== 'same');
  const commons = diff.commons.filter((c) => c.changed);
  const fieldText = (field: string, value: string) => (field === 'preamble' ? htmlToPlain(value) : field.startsWith('term') ? formatDate(value, locale) : value);
  const versionLabel = (v: Diff['left']) => t('agreements.compare.versionBy', { number: v.number, by: personLabel(t, v.createdBy), at: formatDateTime(v.createdAt) });
  const nothing = !fields.length && !commons.length && diff.clauses.every((c) => c.change === 'same');

  return (
    <div data-testid="compare-view">
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {nothing ? (
          <Tag>{t('agreements.compare.identical')}</Tag>
        ) : (
          (['changed', 'added', 'removed'] as const).map((c) => (
            <Tag key={c} color={TONE[c].color}>
              {t(`agreements.compare.count.${c}`, { count: count(c) })}
            </Tag>
          ))
        )}
      </Flex>
      <Row gutter={12} style={{ marginBottom: 8 }}>
        <Col xs={0} md={12}>
          <Typography.Text strong>{versionLabel(diff.left)}</Typography.Text>
        </Col>
        <Col xs={0} md={12}>
          <Typography.Text strong>{versionLabel(diff.right)}</Typography.Text>
        </Col>
      </Row>
      {fields.map((f) => (
        <Pair
          key={f.field}
          change="changed"
          label={t(`agreements.field.${f.field as 'title' | 'preamble' | 'termStart' | 'termEnd'}`)}
          left={<DiffText before={fieldText(f.field, f.left)} after={fieldText(f.field, f.right)} side="left" />}
          right={<DiffText before={fieldText(f.field, f.left)} after={fieldText(f.field, f.right)} side="right" />}
          versions={[diff.left.number, diff.right.number]}
        />
      ))}
      {clauses.map((c) => {
        // the heading is above the pair; inside it only when it changed
        const headed = c.change === 'changed' && c.left?.heading !== c.right?.heading;
        const text = (x: typeof c.left) => (x ? (headed ? `${x.heading}\n` : '') + htmlToPlain(x.body) : '');
        const before = text(c.left);
        const after = text(c.right);
        return (
          <Pair
            key={c.key}
            testId={`diff-${c.key}`}
            change={c.change}
            label={(c.right ?? c.left)!.heading}
            left={c.left ? <DiffText before={before} after={c.change === 'removed' ? before : after} side="left" /> : null}
            right={c.right ? <DiffText before={c.change === 'added' ? after : before} after={after} side="right" /> : null}
            versions={[diff.left.number, diff.right.number]}
          />
        );
      })}
      {commons.map((c) => {
        const before = c.left ? sectionText(t, c.left, name) : '';
        const after = c.right ? sectionText(t, c.right, name) : '';
        return (
          <Pair
            key={c.kind}
            change={!c.left ? 'added' : !c.right ? 'removed' : 'changed'}
            label={t(`agreements.kind.${c.kind}`)}
            left={c.left ? <DiffText before={before} after={after} side="left" /> : null}
            right={c.right ? <DiffText before={before} after={after} side="right" /> : null}
            versions={[diff.left.number, diff.right.number]}
          />
        );
      })}
      {changesOnly && nothing && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreements.compare.identical')} />}
    </div>
  );
}

function Pair({ label, change, left, right, versions, testId }: { label: string; change: Change; left: ReactNode; right: ReactNode; versions: [number, number]; testId?: string }) {
  const t = useT();
  const { md } = Grid.useBreakpoint();
  const tone = TONE[change];
  const side = (content: ReactNode, number: number | null) => (
    <div style={{ ...tone.side, borderRadius: 6, padding: '8px 10px', height: '100%', lineHeight: 1.8 }}>
      {number !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {t('agreements.versionNumber', { number })}
        </Typography.Text>
      )}
      {content ?? <Typography.Text type="secondary">{t('agreements.compare.absent')}</Typography.Text>}
    </div>
  );
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId} data-change={change}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <Tag color={tone.color} bordered={false}>
          {t(`agreements.compare.change.${change}`)}
        </Tag>
      </Flex>
      {change === 'same' && md === false ? (
        // stacked on a phone, an unchanged clause is shown once
        side(right, null)
      ) : (
        <Row gutter={[12, 8]}>
          <Col xs={24} md={12}>
            {side(left, versions[0])}
          </Col>
          <Col xs={24} md={12}>
            {side(right, versions[1])}
          </Col>
        </Row>
      )}
    </div>
  );
}
