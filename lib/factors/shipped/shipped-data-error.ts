// A shipped data file Scopebook cannot read: a packaging mistake, reported at start with the file and the place.
export class ShippedDataError extends Error {
  override name = "ShippedDataError";
}
