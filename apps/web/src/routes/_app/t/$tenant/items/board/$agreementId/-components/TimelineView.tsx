import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TimelineDto } from '@uc/contracts';
import { Empty, Flex, Segmented, Skeleton, Tooltip, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { KIND_COLOR, STATUS_COLOR } from '@/features/items/labels.ts';
import { inScale, labelEvery, timelineScale, yearAround, type TimelineScale } from '@/features/items/timeline.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';

type Item = TimelineDto['items'][number];
const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

/** The width of an element, followed as it changes (phone rotation, side menu); a callback ref, as the element mounts after the data. */
function useWidth() {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!el) return;
    observer.current = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.current.observe(el);
  }, []);
  return [ref, width] as const;
}

/** Items as bars over the agreement's term, milestones as diamonds on them, a line for today. */
export function TimelineView({ agreementId }: { agreementId: string }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { data } = useQuery(api.jointItem.timeline.queryOptions({ agreementId }));
  const [ref, width] = useWidth();
  const [span, setSpan] = useState<'year' | 'all' | null>(null);
  if (!data) return <Skeleton active />;
  const dates = data.items.flatMap((i) => [i.startDate, i.endDate, ...i.milestones.map((m) => m.dueDate)]);
  const whole = timelineScale(dates.length ? [...dates, data.today] : []);
  if (!whole) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.timeline.empty')} />;
  // a term of several years crowds this year's milestones: start with the year around today
  const shown = span ?? (whole.months.length > 18 ? 'year' : 'all');
  const scale = shown === 'year' ? timelineScale(yearAround(data.today))! : whole;
  const every = labelEvery(scale.months.length, width);
  const items = [...data.items].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title));
  const today = scale.at(data.today);

  return (
    // the padding keeps the diamonds and labels at either end inside the card
    <div data-testid="timeline" style={{ overflow: 'hidden', padding: '0 8px', minWidth: 0 }}>
      <Segmented<'year' | 'all'>
        size="small"
        value={shown}
        onChange={(v) => setSpan(v)}
        options={[
          { value: 'year', label: t('items.timeline.year') },
          { value: 'all', label: t('items.timeline.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <div ref={ref} style={{ position: 'relative' }}>
        {/* two lines: "today" above, the months below, so the two never overlap */}
        <div style={{ position: 'relative', height: 38, borderBottom: '1px solid #e8e8e8', marginBottom: 8, overflow: 'hidden' }}>
          {scale.months.map((m, k) =>
            k % every === 0 ? (
              <span key={m.date} style={{ position: 'absolute', left: pct(m.at), bottom: 2, fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap' }}>
                {locale === 'en' ? m.date.slice(0, 7) : `${Number(m.date.slice(0, 4)) % 100}年${Number(m.date.slice(5, 7))}月`}
              </span>
            ) : null,
          )}
        </div>
        <div style={{ position: 'absolute', top: 38, bottom: 0, left: pct(today), borderLeft: '2px dashed #b3201e', zIndex: 1 }} aria-hidden>
          <span style={{ position: 'absolute', top: -38, [today > 0.85 ? 'right' : 'left']: 4, fontSize: 12, color: '#b3201e', whiteSpace: 'nowrap' }}>{t('items.timeline.today')}</span>
        </div>
        <Flex vertical gap={10}>
          {items.map((i) => (
            <TimelineRow key={i.id} item={i} scale={scale} />
          ))}
        </Flex>
      </div>
      <Flex gap={16} wrap style={{ marginTop: 12, fontSize: 12, color: '#8c8c8c' }}>
        <span>
          <span style={{ display: 'inline-block', width: 16, height: 8, background: STATUS_COLOR.in_progress, opacity: 0.35, marginInlineEnd: 4 }} />
          {t('items.timeline.legendItem')}
        </span>
        <span>◆ {t('items.timeline.legendMilestone')}</span>
        <span style={{ color: '#389e0d' }}>◆ {t('items.ms.done')}</span>
        <span style={{ color: '#cf1322' }}>◆ {t('items.timeline.legendOverdue')}</span>
      </Flex>
    </div>
  );
}

function TimelineRow({ item: i, scale }: { item: Item; scale: TimelineScale }) {
  const locale = useLocale();
  const { slug } = useTenant();
  const left = scale.at(i.startDate);
  const right = scale.at(i.endDate);
  // an item wholly before or after the window draws no bar at its edge
  const visible = i.endDate >= scale.from && i.startDate <= scale.to;
  return (
    <div data-testid="timeline-row">
      <Flex gap={6} align="baseline" style={{ minWidth: 0 }}>
        <span style={{ width: 8, height: 8, borderRadius: 2, background: KIND_COLOR[i.kind], flexShrink: 0 }} />
        <Link
          to="/t/$tenant/items/$itemId"
          params={{ tenant: slug, itemId: i.id }}
          // above the "today" line, which would otherwise cross the words
          style={{ fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', position: 'relative', zIndex: 2, background: '#fff' }}
        >
          {i.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0, position: 'relative', zIndex: 2, background: '#fff' }}>
          {i.percent}%
        </Typography.Text>
      </Flex>
      <div style={{ position: 'relative', height: 16, marginTop: 2 }}>
        {visible && (
          <>
            <div
              style={{ position: 'absolute', left: pct(left), width: pct(Math.max(right - left, 0.004)), top: 3, height: 10, borderRadius: 5, background: STATUS_COLOR[i.status], opacity: 0.35 }}
              title={`${formatDate(i.startDate, locale)} – ${formatDate(i.endDate, locale)}`}
            />
            <div style={{ position: 'absolute', left: pct(left), width: pct(Math.max(right - left, 0.004) * (i.percent / 100)), top: 3, height: 10, borderRadius: 5, background: STATUS_COLOR[i.status] }} />
          </>
        )}
        {i.milestones.filter((m) => inScale(scale, m.dueDate)).map((m) => (
          <Tooltip key={m.id} title={`${m.title} · ${formatDate(m.dueDate, locale)}`}>
            <span
              aria-label={m.title}
              style={{
                position: 'absolute',
                left: pct(scale.at(m.dueDate)),
                top: 2,
                width: 12,
                height: 12,
                marginLeft: -6,
                transform: 'rotate(45deg)',
                background: m.status === 'done' ? '#389e0d' : m.overdue ? '#cf1322' : '#fff',
                border: `2px solid ${m.status === 'done' ? '#389e0d' : m.overdue ? '#cf1322' : '#1f63d6'}`,
                zIndex: 2,
              }}
            />
          </Tooltip>
        ))}
      </div>
    </div>
  );
}
