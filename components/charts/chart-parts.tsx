// What the dashboard's charts share: one unit per axis (massScale in lib/format.ts), bar geometry as floats from the exact
// text (never shown), ticks through the display rule, the colours of the scopes, and bars a test can find.
import Decimal from "decimal.js";
import { Rectangle, type BarShapeProps } from "recharts";
import { formatDecimal, toDisplayNumber, type MassScale } from "@/lib/format";

export const SCOPE_COLOURS = { SCOPE_1: "#b45309", SCOPE_2: "#0369a1", SCOPE_3: "#047857" } as const;
export const BAR_COLOUR = "#0f766e";
export const AXIS_TICK = { fill: "#475569", fontSize: 12 } as const;

/** Bar length in the axis unit: geometry only. */
export const geometry = (kg: string, scale: MassScale): number => toDisplayNumber(scale.inUnit(kg));

/** Axis ticks come from recharts' float scale; shown through the same rounding rule. */
export function formatTick(value: number): string {
  return Number.isFinite(value) ? formatDecimal(new Decimal(value).toFixed()) : "";
}

/** A bar's rectangle in a group named for tests (`testIdOf` its datum): what a click or a spec finds. */
export function namedBar<T>(testIdOf: (datum: T) => string) {
  return function NamedBar(props: BarShapeProps) {
    return (
      <g data-testid={testIdOf(props.payload as T)}>
        <Rectangle {...props} />
      </g>
    );
  };
}
