/** "Chrome · Windows" from a user-agent string, enough to tell one's own devices apart. */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser =
    (/Edg\//.test(ua) && 'Edge') ||
    (/MicroMessenger\//.test(ua) && 'WeChat') ||
    (/Firefox\//.test(ua) && 'Firefox') ||
    (/(Chrome|Chromium)\//.test(ua) && 'Chrome') ||
    (/Safari\//.test(ua) && 'Safari') ||
    null;
  const os =
    (/iPhone|iPad/.test(ua) && 'iOS') ||
    (/Android/.test(ua) && 'Android') ||
    (/HarmonyOS|OpenHarmony/.test(ua) && 'HarmonyOS') ||
    (/Windows/.test(ua) && 'Windows') ||
    (/Mac OS X|Macintosh/.test(ua) && 'macOS') ||
    (/Linux/.test(ua) && 'Linux') ||
    null;
  const parts = [browser, os].filter(Boolean);
  return parts.length ? parts.join(' · ') : ua.slice(0, 40);
}
