/**
 * The speaking clock, ticking on the screen: counts down each second from the seconds left the
 * server gave with its last update (counted from when that update arrived here, so the screen's
 * own clock being wrong does not matter). A new update resets it.
 */
import { useEffect, useState } from 'react';

export function SpeakingClock({ secondsLeft }: { secondsLeft: number }) {
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const at = Date.now();
    setSince(at);
    setNow(at);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [secondsLeft]);
  const left = Math.max(0, secondsLeft - Math.floor((now - since) / 1000));
  return (
    <span className="clock" role="timer" aria-live="off" data-seconds-left={left}>
      {left}s
    </span>
  );
}
