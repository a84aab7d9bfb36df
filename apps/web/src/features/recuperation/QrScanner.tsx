import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/locale.ts';
import { qrDetector } from './barcodeDetector.ts';

/**
 * The camera, reading QR codes with the browser's BarcodeDetector; each code read is handed to
 * onScan (the caller ignores repeats). Stops the camera when closed.
 */
export function QrScanner({ onScan }: { onScan(text: string): void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const scan = useRef(onScan);
  useEffect(() => {
    scan.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    void (async () => {
      const detector = await qrDetector();
      if (!detector) return setProblem(t('recuperation.checkin.noCamera'));
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch {
        return setProblem(t('recuperation.checkin.cameraDenied'));
      }
      if (stopped || !video.current) return stream.getTracks().forEach((tr) => tr.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      timer = setInterval(() => {
        if (!video.current || video.current.readyState < 2) return;
        void detector
          .detect(video.current)
          .then((codes) => codes[0] && scan.current(codes[0].rawValue))
          .catch(() => undefined);
      }, 400);
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [t]);

  if (problem) return <Alert type="info" showIcon title={problem} />;
  return <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 320, background: '#000', borderRadius: 8 }} />;
}
