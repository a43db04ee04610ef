import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChallenge, type ProofOfWork } from '../../../api/intake.ts';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { solveProofOfWork } from '../../../lib/proof-of-work.ts';

/**
 * Fetches a fresh challenge and solves it (each challenge works once, so every send proves anew).
 * While it works, `checking` is true and the live region says "checking your browser...".
 */
export function useProofOfWork() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [checking, setChecking] = useState(false);
  const [percent, setPercent] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const prove = useCallback(async (): Promise<ProofOfWork> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setChecking(true);
    setPercent(0);
    announce(t('publicReport.checking'));
    try {
      const { challenge, difficulty } = await fetchChallenge();
      const expected = 2 ** difficulty;
      const nonce = await solveProofOfWork(challenge, difficulty, {
        signal: abort.signal,
        onProgress: (attempts) => setPercent(Math.min(95, Math.round((100 * attempts) / (expected * 2)))),
      });
      return { challenge, nonce };
    } finally {
      setChecking(false);
    }
  }, [announce, t]);

  return { prove, checking, percent };
}
