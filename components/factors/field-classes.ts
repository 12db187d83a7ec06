// Tailwind classes shared by the factor forms.
export const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
export const LABEL = "text-sm text-slate-600";
export const BUTTON = "rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50";
export const SECONDARY = "rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50";
