import { Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

/** A SHA-256 content hash: monospace, wrapping anywhere on a phone, with a copy button. */
export function HashText({ hash, testId }: { hash: string; testId?: string }) {
  const t = useT();
  return (
    <Typography.Text
      copyable={{ text: hash, tooltips: [t('common.copy'), t('common.copied')] }}
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, wordBreak: 'break-all' }}
      data-testid={testId}
    >
      {hash}
    </Typography.Text>
  );
}
