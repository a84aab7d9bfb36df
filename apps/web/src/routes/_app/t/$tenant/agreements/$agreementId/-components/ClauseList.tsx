import type { AgreementContent } from '@uc/contracts';
import { Col, Row, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';
import { RichText } from '@/routes/_app/t/$tenant/agreements/-components/RichText.tsx';

/** The text of a version as it reads: preamble, then each clause, with whatever `aside` gives beside it. */
export function ClauseList({ content, aside }: { content: AgreementContent; aside?: (clauseKey: string) => React.ReactNode }) {
  const t = useT();
  return (
    <div>
      <RichText html={content.preamble} style={{ marginBottom: 16 }} />
      {content.clauses.map((c) => (
        <Row key={c.key} gutter={[16, 8]} style={{ marginBottom: 16 }} data-testid={`clause-${c.key}`}>
          <Col xs={24} lg={aside ? 15 : 24}>
            <Typography.Title level={5} style={{ margin: '0 0 6px' }}>
              {c.heading}
            </Typography.Title>
            <RichText html={c.body} empty={t('agreements.editor.emptyText')} />
          </Col>
          {aside && (
            <Col xs={24} lg={9}>
              {aside(c.key)}
            </Col>
          )}
        </Row>
      ))}
    </div>
  );
}
