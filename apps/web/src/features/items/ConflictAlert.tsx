import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/locale.ts';

/**
 * Someone saved the same thing first (STALE_VERSION): say so plainly, keep what the user typed,
 * and let them load the latest version before saving again.
 */
export function ConflictAlert({ onReload }: { onReload(): Promise<unknown> }) {
  const t = useT();
  const [loading, setLoading] = useState(false);
  const reload = async () => {
    setLoading(true);
    try {
      await onReload();
    } finally {
      setLoading(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="version-conflict"
      title={t('items.conflict.title')}
      description={t('items.conflict.body')}
      action={
        <Button size="small" type="primary" loading={loading} onClick={() => void reload()}>
          {t('items.conflict.reload')}
        </Button>
      }
      style={{ marginBottom: 16, flexWrap: 'wrap', rowGap: 8 }}
    />
  );
}

/** Whether an API error is the version check refusing a stale write. */
export const isConflict = (code: string | null) => code === 'STALE_VERSION';
