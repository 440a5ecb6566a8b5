/** Profile completion as a labelled progress bar. */
export function CompletionMeter({ value }: { value: number }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <span id="profile-completion-label" className="font-medium text-slate-800">
          Profile completion
        </span>
        <span className="font-semibold text-slate-900" data-testid="profile-completion">
          {pct}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="profile-completion-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={pct >= 100 ? 'h-full bg-emerald-500' : 'h-full bg-indigo-600'} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
