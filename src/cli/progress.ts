import cliProgress from 'cli-progress';

/** A progress bar on stderr (only when it is a terminal; otherwise silent so logs stay clean). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta}s left`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!tty) return;
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done, { total });
      bar.setTotal(total);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
