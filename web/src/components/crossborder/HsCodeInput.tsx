/**
 * HS code field with a helper: type words ("wool sweater") to search the HS 2022 nomenclature and
 * pick a subheading, or type a code to see what it is (or why it is not one).
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../../api/client';
import type { HsHit } from './types';

interface HsInfo {
  code: string;
  description: string;
}

export function HsCodeInput({ value, onChange, hint, testId }: { value: string; onChange: (code: string) => void; hint?: string; testId: string }) {
  const [text, setText] = useState(value);
  const [hits, setHits] = useState<HsHit[]>([]);
  const [open, setOpen] = useState(false);
  const [info, setInfo] = useState<{ ok: boolean; text: string } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => setText(value), [value]);

  useEffect(() => {
    const q = text.trim();
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      if (/^[\d.\s]+$/.test(q)) {
        setHits([]);
        const digits = q.replace(/[.\s]/g, '');
        if (digits.length < 6) {
          setInfo(digits ? { ok: false, text: 'an HS code has 6 to 10 digits' } : null);
          return;
        }
        request<HsInfo>(`/v1/hs-codes/${encodeURIComponent(digits)}`, { signal: ctl.signal })
          .then((r) => setInfo({ ok: true, text: r.description }))
          .catch((e: Error) => { if (e.name !== 'AbortError') setInfo({ ok: false, text: e instanceof ApiError ? e.problem.errors?.[0]?.message ?? e.message : e.message }); });
      } else if (q.length >= 3) {
        setInfo(null);
        request<{ data: HsHit[] }>('/v1/hs-codes', { query: { q, limit: 8 }, signal: ctl.signal })
          .then((r) => { setHits(r.data); setOpen(true); })
          .catch(() => setHits([]));
      }
    }, 250);
    return () => { window.clearTimeout(timer); ctl.abort(); };
  }, [text]);

  useEffect(() => {
    const close = (e: MouseEvent) => { if (box.current && !box.current.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const pick = (hit: HsHit) => {
    setText(hit.code);
    onChange(hit.code);
    setOpen(false);
  };

  return (
    <div className="cross-border-hs" ref={box}>
      <input
        className="input"
        value={text}
        placeholder="code or words"
        aria-label="HS code"
        onChange={(e) => {
          setText(e.target.value);
          if (/^[\d.\s]*$/.test(e.target.value)) onChange(e.target.value.replace(/[.\s]/g, ''));
        }}
        onFocus={() => hits.length && setOpen(true)}
        data-testid={testId}
      />
      {open && hits.length ? (
        <ul className="cross-border-hs-list" role="listbox" data-testid={`${testId}-hits`}>
          {hits.map((h) => (
            <li key={h.code} role="option" aria-selected={h.code === value}>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => pick(h)} disabled={h.level !== 6} title={h.path.map((p) => `${p.code} ${p.description}`).join(' › ')}>
                <code>{h.code}</code> <span>{h.description}</span>
                {h.level !== 6 ? <span className="muted small"> ({h.level === 2 ? 'chapter' : 'heading'}: pick a subheading)</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {info ? <div className={`cross-border-hs-info ${info.ok ? '' : 'bad'}`} title={info.text}>{info.text}</div> : hint ? <div className="cross-border-hs-info">{hint}</div> : null}
    </div>
  );
}
