/**
 * A table that scrolls sideways inside its card when it is wider than the card, instead of cutting its last columns
 * off or widening the page. The region is named and focusable so that keyboard users can scroll it too (WCAG 2.1.1;
 * axe's scrollable-region-focusable). Cells keep a gap to the next column, and figures (tabular-nums) do not break
 * between a number and its unit: a narrow card scrolls instead.
 */
export function TableScroll({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto [&_td:not(:last-child)]:pr-3 [&_th:not(:last-child)]:pr-3 [&_.tabular-nums]:whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 ${className}`}
    >
      {children}
    </div>
  );
}
